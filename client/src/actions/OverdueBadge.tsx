/** The count of overdue actions beside a heading; a sign besides the colour, so it does not rely on red. */
export function OverdueBadge({ label }: { label: string }) {
  return (
    <span className="badge badge-danger">
      <span aria-hidden="true">⚠ </span>
      {label}
    </span>
  );
}
