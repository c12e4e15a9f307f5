import { PrinterOutlined } from '@ant-design/icons';
import { Button, InputNumber } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { isAccessError } from '../../api/client.ts';
import { useLedger } from '../../api/usePlans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { M } from '../../messages.ts';
import './ledger.css';
import { LedgerRecord, kindsOf } from './LedgerRecord.tsx';
import { cnDate } from './ledgerFormat.ts';

const L = M.ledger;

/** /orgs/:id/ledger?year= — the year's meeting records as a print-ready 会议记录本 (cover, contents, one record a page). */
export default function LedgerPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const q = useLedger(id, year);
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return isAccessError(q.error) ? <ErrorResult error={q.error} /> : <ErrorAlert error={q.error} />;
  const book = q.data;
  return (
    <div className="zb-ledger" data-testid="ledger">
      <div className="zb-ledger-toolbar">
        <Link to={`/orgs/${id}`}>{L.back}</Link>
        {L.year}
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setParams({ year: String(v) })}
        />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="ledger-print"
        >
          {L.print}
        </Button>
      </div>
      <section className="zb-ledger-page zb-ledger-cover">
        <h1>{L.coverTitle}</h1>
        <div className="zb-ledger-cover-year">{L.cover(book.year)}</div>
        <dl>
          <dt>{L.coverOrg}</dt>
          <dd>{book.orgName}</dd>
          {book.parentName && (
            <>
              <dt>{L.coverParent}</dt>
              <dd>{book.parentName}</dd>
            </>
          )}
        </dl>
        <p>{L.coverCount(book.records.length)}</p>
      </section>
      <section className="zb-ledger-page zb-ledger-toc">
        <h2>{L.toc}</h2>
        {book.records.length === 0 ? (
          <p>{L.empty}</p>
        ) : (
          <ol>
            {book.records.map((r, i) => (
              <li key={r.id}>
                <a href={`#r${i + 1}`}>
                  {cnDate(r.heldAt)} {kindsOf(r.tags)} {r.topic ?? ''}
                </a>
              </li>
            ))}
          </ol>
        )}
      </section>
      {book.records.map((r, i) => (
        <LedgerRecord key={r.id} r={r} n={i + 1} />
      ))}
    </div>
  );
}
