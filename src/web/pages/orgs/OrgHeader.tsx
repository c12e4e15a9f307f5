import { Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { ORG_KIND_LABEL } from '../../../shared/enums.ts';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { OrgDissolveModal } from './OrgDissolveModal.tsx';
import { OrgFormModal } from './OrgFormModal.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';

type Dialog = 'create' | 'edit' | 'move' | 'dissolve' | null;

interface OrgHeaderProps {
  org: OrgDetail;
  onReload: () => void;
}

/** Name, code, kind, category, dissolved tag, path, and the write actions. */
export function OrgHeader({ org, onReload }: OrgHeaderProps) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const handleClose = () => setDialog(null);
  const dissolved = !!org.dissolvedOn;
  const ancestors = org.path.filter((p) => p.id !== org.id);

  const actions =
    org.canWrite && !dissolved ? (
      <Space wrap>
        <Button type="primary" onClick={() => setDialog('create')} data-testid="org-create-child">
          {M.orgs.create}
        </Button>
        <Button onClick={() => setDialog('edit')} data-testid="org-edit">
          {M.common.edit}
        </Button>
        <Button onClick={() => setDialog('move')} data-testid="org-move">
          {M.orgs.move}
        </Button>
        <Button danger onClick={() => setDialog('dissolve')} data-testid="org-dissolve">
          {M.orgs.dissolve}
        </Button>
      </Space>
    ) : null;

  return (
    <Card data-testid="org-header">
      {ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={ancestors.map((p) => ({ key: p.id, title: <Link to={`/orgs/${p.id}`}>{p.name}</Link> }))}
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="org-name">
            {org.name}
          </Typography.Title>
          <Tag color="red">{ORG_KIND_LABEL[org.kind]}</Tag>
          <Tag>{org.category}</Tag>
          {dissolved && (
            <Tag color="default" data-testid="org-dissolved">
              {M.orgs.dissolvedOn(fmtDate(org.dissolvedOn))}
            </Tag>
          )}
        </Space>
        {actions}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'code', label: M.orgs.code, children: org.code },
          { key: 'est', label: M.orgs.establishedOn, children: fmtDate(org.establishedOn) },
          { key: 'units', label: M.orgs.unitCount, children: org.unitCount },
          { key: 'pack', label: M.orgs.pack, children: org.pack ?? M.common.none },
        ]}
      />
      {dialog === 'create' && <OrgFormModal open parent={org} onClose={handleClose} />}
      {dialog === 'edit' && <OrgFormModal open org={org} onClose={handleClose} onReload={onReload} />}
      {dialog === 'move' && <OrgMoveModal open org={org} onClose={handleClose} onReload={onReload} />}
      {dialog === 'dissolve' && <OrgDissolveModal open org={org} onClose={handleClose} onReload={onReload} />}
    </Card>
  );
}
