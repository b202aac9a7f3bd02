/** A labelled select of places (districts or neighbourhoods), with an optional "all" first. */
export function ChoiceField({
  id,
  label,
  value,
  choices,
  all,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: readonly { id: string; name: string }[];
  /** The text of the empty choice ("the whole district"), when there is one. */
  all?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="ch-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
