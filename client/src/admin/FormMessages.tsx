import type { FieldError } from './fieldError.js';

/** A form's outcome: the refusal as an alert (naming the field), or what was done as a status. */
export function FormMessages({
  id,
  error,
  done,
}: {
  id: string;
  error: FieldError | null;
  done: string | null;
}) {
  return (
    <>
      {error && (
        <p id={id} className="form-error" role="alert">
          {error.text}
        </p>
      )}
      <p role="status" className="form-ok">
        {!error && done}
      </p>
    </>
  );
}
