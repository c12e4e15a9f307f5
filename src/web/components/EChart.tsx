import { Spin } from 'antd';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { M } from '../messages.ts';

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  onClick?: (e: ECElementEvent) => void;
  testId?: string;
  /** Extra data-* attributes for tests (e.g. the heat map's layout). */
  data?: Record<`data-${string}`, string | number>;
}

/** An ECharts canvas; echarts itself is loaded on first use (a separate chunk). */
export function EChart({ option, height, onClick, testId, data }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('../lib/echarts.ts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      c.on('click', (e) => click.current?.(e as ECElementEvent));
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  useEffect(() => {
    if (ready) chart.current?.resize();
  }, [ready, height]);

  return (
    <Spin spinning={!ready} description={M.compliance.loadingChart}>
      <div ref={box} style={{ width: '100%', height }} data-testid={testId} data-ready={ready} {...data} />
    </Spin>
  );
}
