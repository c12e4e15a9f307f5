import {
  ATTENDANCE_STATUS_LABEL,
  type AttendanceStatus,
  MEETING_TAG_LABEL,
  type MeetingTag,
} from '../../../shared/enums.ts';
import type { LedgerRecord as Record_ } from '../../../shared/contracts/ledger.contract.ts';
import { M } from '../../messages.ts';
import { cnDate, cnTimeRange, paragraphs } from './ledgerFormat.ts';

const L = M.ledger;
export const kindsOf = (tags: string[]) =>
  tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');
const orNone = (v: string | number | null) => (v === null || v === '' ? L.none : v);

/** One record of the 会议记录本 on its own page, with every element (LIFE-015) and its review history. */
export function LedgerRecord({ r, n }: { r: Record_; n: number }) {
  const away = r.attendance.filter((a) => a.status !== 'present');
  const missing = [...new Set(Object.values(r.missing).flat())];
  return (
    <section className="zb-ledger-page zb-ledger-record" id={`r${n}`} data-testid="ledger-record">
      <h2>
        {L.no(n)} · {kindsOf(r.tags)}
      </h2>
      <table className="zb-ledger-fields">
        <tbody>
          <tr>
            <th>{M.meetings.topic}</th>
            <td colSpan={3}>{orNone(r.topic)}</td>
          </tr>
          <tr>
            <th>{L.time}</th>
            <td colSpan={3}>{cnTimeRange(r.heldAt, r.endedAt)}</td>
          </tr>
          <tr>
            <th>{L.place}</th>
            <td>{orNone(r.place)}</td>
            <th>{L.org}</th>
            <td>{r.orgName}</td>
          </tr>
          <tr>
            <th>{L.host}</th>
            <td>{orNone(r.hostName)}</td>
            <th>{L.recorder}</th>
            <td>{orNone(r.recorderName)}</td>
          </tr>
          {r.tags.includes('party_lecture') && (
            <tr>
              <th>{L.lecturer}</th>
              <td colSpan={3}>{orNone(r.lecturerName)}</td>
            </tr>
          )}
          <tr>
            <th>{L.expected}</th>
            <td>{r.expected === null ? L.none : L.persons(r.expected)}</td>
            <th>{L.present}</th>
            <td>{r.present === null ? L.none : L.persons(r.present)}</td>
          </tr>
          <tr>
            <th>{L.absentees}</th>
            <td colSpan={3}>
              {away.length === 0
                ? L.noAbsentees
                : away
                    .map(
                      (a) =>
                        `${a.personName}（${ATTENDANCE_STATUS_LABEL[a.status as AttendanceStatus] ?? a.status}${a.reason ? `：${a.reason}` : ''}）`,
                    )
                    .join('；')}
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{L.agenda}</h3>
      {r.agenda.length === 0 ? (
        <p>{L.none}</p>
      ) : (
        <ol>
          {r.agenda.map((a, i) => (
            <li key={i}>
              {a.title}
              {a.first_topic && !a.title.startsWith('第一议题') && L.firstTopic}
            </li>
          ))}
        </ol>
      )}
      <h3>{L.minutes}</h3>
      <div className="zb-ledger-minutes">
        {paragraphs(r.minutes).length === 0 ? (
          <p>{L.none}</p>
        ) : (
          paragraphs(r.minutes).map((p, i) => <p key={i}>{p}</p>)
        )}
      </div>
      {r.decisions.length > 0 && (
        <>
          <h3>{L.decisions}</h3>
          <ol>
            {r.decisions.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        </>
      )}
      {r.votes.length > 0 && (
        <>
          <h3>{L.votes}</h3>
          <ul>
            {r.votes.map((v, i) => (
              <li key={i}>{L.vote(v)}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{L.review}</h3>
      <p>
        {M.meetings.statuses[r.status] ?? r.status}
        {r.reviewedBy && r.reviewedAt && ` · ${L.reviewedBy(r.reviewedBy, cnDate(r.reviewedAt))}`}
        {r.reviewComment && ` · ${M.meetings.reviewComment}：${r.reviewComment}`}
      </p>
      {r.lateEntry && <div className="zb-ledger-note">{L.lateEntry(cnDate(r.recordedAt))}</div>}
      {missing.length > 0 && (
        <div className="zb-ledger-note">
          {L.missing}：{missing.join('、')}
        </div>
      )}
      {r.revisions.length > 0 && (
        <>
          <h3>{L.revisions}</h3>
          <ul>
            {r.revisions.map((v) => (
              <li key={v.version}>{L.revision(v.version, v.revisedBy, cnDate(v.revisedAt), v.reason)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
