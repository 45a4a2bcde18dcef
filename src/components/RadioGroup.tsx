export interface RadioOption<T extends string> {
  readonly value: T;
  /** The radio's accessible name. */
  readonly label: string;
  /** Shown after the label, in parentheses, as part of the name. */
  readonly hint: string;
}

interface RadioGroupProps<T extends string> {
  /** The group's accessible name (its legend). */
  readonly legend: string;
  readonly name: string;
  readonly options: ReadonlyArray<RadioOption<T>>;
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** A choice between a few options: a fieldset named by its legend, native radios inside. */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: RadioGroupProps<T>) {
  return (
    <fieldset className="choice">
      <legend className="label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label} <span className="hint">({option.hint})</span>
        </label>
      ))}
    </fieldset>
  );
}
