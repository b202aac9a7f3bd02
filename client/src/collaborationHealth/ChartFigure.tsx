import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The colours of the sides: dark enough on white (at least 4.5:1), and each also named in a legend. */
export const colours = {
  medical: '#0b5cad',
  social: '#a14a00',
  total: '#3d4650',
  extra: '#6b3fa0',
} as const;
/** One colour per answer 1…5: from red through grey to green, each darker than 3:1 on white. */
export const scaleColours = ['#a4161a', '#d0603a', '#77808a', '#4f8a3b', '#0b6e3a'] as const;

interface Props {
  title: string;
  /** The chart in one or two sentences: its text alternative. */
  summary: string;
  head: string[];
  rows: (string | number)[][];
  children: ReactNode;
  /** The heading level of the title within its section. */
  level?: 3 | 4;
  /** Said instead of the drawing when every figure in it is suppressed: an empty chart says nothing. */
  empty?: string | null;
  /** Left out of the printed one-page summary. */
  noPrint?: boolean;
}

/** Legend entries in the text colour: the swatch carries the colour, the word stays readable. */
export const legendText = (value: string) => <span style={{ color: '#1b1f24' }}>{value}</span>;

/**
 * A chart with its text alternative and a table view: the figcaption says what it shows, the
 * drawing itself is hidden from screen readers (the table holds every number), and the table
 * opens under "Tabel".
 */
export function ChartFigure({
  title,
  summary,
  head,
  rows,
  children,
  level = 3,
  empty = null,
  noPrint = false,
}: Props) {
  const { t } = useTranslation('collaborationHealth');
  const { t: tc } = useTranslation();
  const id = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <figure
      className={`ch-figure${noPrint ? ' ch-no-print' : ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
    >
      <figcaption>
        <Heading id={`${id}-title`}>{title}</Heading>
        <p id={`${id}-summary`} className="ch-summary">
          {summary}
        </p>
      </figcaption>
      {empty === null ? (
        <div className="ch-chart" aria-hidden="true">
          {children}
        </div>
      ) : (
        // When the summary already says there is no chart, the box would say it twice.
        empty !== summary && <p className="ch-empty">{empty}</p>
      )}
      <details className="ch-table">
        <summary>{t('table')}</summary>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={tc('common.tableOf', { name: title })}
        >
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
