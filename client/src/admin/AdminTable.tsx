import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An admin list as a table in a region that scrolls sideways on a narrow screen: focusable and
 * named after the caption, so a keyboard or screen reader user can reach and tell the tables apart.
 */
export function AdminTable({
  caption,
  columns,
  className,
  children,
}: {
  caption: string;
  /** The column headers, in order. */
  columns: ReactNode[];
  className?: string;
  /** The rows. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('common.tableOf', { name: caption })}
    >
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
