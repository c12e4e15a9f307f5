import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { DashboardResponse } from '../../../shared/contracts/compliance.contract.ts';
import { EChart } from '../../components/EChart.tsx';
import { M } from '../../messages.ts';

/** Heat-map layout (px), also exposed as data-* attributes so tests can click a row. */
export const HEATMAP_LAYOUT = { rowHeight: 26, top: 36, left: 280, right: 90, bottom: 16 } as const;
/** Taller heat maps scroll inside the card (the axis labels scroll with their rows). */
const HEATMAP_MAX_HEIGHT = 640;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type TipParams = { value: number[] };

interface HeatmapProps {
  data: DashboardResponse;
  /** A row (branch) was clicked; `end` is the column's date when a cell was clicked. */
  onOpen: (orgId: string, end?: string) => void;
}

/** Branches × periods, each cell coloured by its number of violations. */
export function ComplianceHeatmap({ data, onOpen }: HeatmapProps) {
  const L = HEATMAP_LAYOUT;
  const height = L.top + Math.max(1, data.rows.length) * L.rowHeight + L.bottom;
  const option = useMemo<EChartsCoreOption>(() => {
    const name = new Map(data.rows.map((r) => [r.orgId, r.name]));
    const max = Math.max(1, ...data.rows.flatMap((r) => r.cells.map((c) => c.violation)));
    return {
      animation: false,
      tooltip: {
        formatter: (p: TipParams) => {
          const [x, y, v, w, i] = p.value;
          return M.compliance.cellTip(escapeHtml(data.rows[y].name), data.periods[x].label, v, w, i);
        },
      },
      grid: { left: L.left, right: L.right, top: L.top, bottom: L.bottom },
      xAxis: {
        type: 'category',
        position: 'top',
        data: data.periods.map((p) => p.label),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        triggerEvent: true,
        data: data.rows.map((r) => r.orgId),
        axisLabel: {
          formatter: (id: string) => name.get(id) ?? id,
          width: L.left - 16,
          overflow: 'truncate',
        },
      },
      visualMap: {
        min: 0,
        max,
        dimension: 2,
        orient: 'vertical',
        right: 8,
        top: L.top,
        itemHeight: 120,
        text: [M.compliance.severity.violation, '0'],
        inRange: { color: ['#f6ffed', '#ffd8bf', '#ff7875', '#a8071a'] },
      },
      series: [
        {
          type: 'heatmap',
          data: data.rows.flatMap((r, y) => r.cells.map((c, x) => [x, y, c.violation, c.warn, c.info])),
          label: {
            show: true,
            formatter: (p: TipParams) => (p.value[2] > 0 ? String(p.value[2]) : p.value[3] > 0 ? '·' : ''),
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [data, L]);

  const handleClick = (e: ECElementEvent) => {
    if (e.componentType === 'series') {
      const [x, y] = e.value as number[];
      onOpen(data.rows[y].orgId, data.periods[x].end);
    } else if (e.componentType === 'yAxis') {
      onOpen(String((e as unknown as { value: string }).value));
    }
  };

  return (
    <div style={{ maxHeight: HEATMAP_MAX_HEIGHT, overflowY: 'auto' }} data-testid="compliance-heatmap-scroll">
      <EChart
        option={option}
        height={height}
        onClick={handleClick}
        testId="compliance-heatmap"
        data={{
          'data-row-height': L.rowHeight,
          'data-grid-top': L.top,
          'data-grid-left': L.left,
          'data-grid-right': L.right,
          'data-rows': data.rows.length,
          'data-columns': data.periods.length,
        }}
      />
    </div>
  );
}

/** Violations and warnings per period. */
export function ComplianceTrend({ data }: { data: DashboardResponse }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [M.compliance.severity.violation, M.compliance.severity.warn] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.trend.map((t) => t.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: M.compliance.severity.violation,
          type: 'line',
          data: data.trend.map((t) => t.violation),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: M.compliance.severity.warn,
          type: 'line',
          data: data.trend.map((t) => t.warn),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={240} testId="compliance-trend" />;
}
