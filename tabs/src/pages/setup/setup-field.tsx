import { Checkbox, Field, Input, makeStyles, Select, Textarea } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n-context';
import { type ConversationChoices, ConversationPicker } from './conversation-picker';
import { FeeItemField, FeePerServiceField } from './fee-fields';
import { LookupField } from './lookup-field';
import { isSetupLookupPath } from '../../../../service/setup/setup-lookups';
import { FIELDS, type FieldPath } from './setup-form';
import { normalizeTimeOfDay } from './time-of-day';
import type { SetupTablesState } from './use-setup-tables';

const useStyles = makeStyles({
  // A grid row is as tall as its labelled inputs; a stretched checkbox would centre its label but
  // not its box. At the row's foot, box and label sit on the line of the inputs beside them.
  flag: { alignSelf: 'end' },
});

export interface Choice {
  id: string;
  label: string;
}

/** A list the page reads for a picker (Bookings' businesses, Business Central's companies), or why it could not. */
export type Choices = { kind: 'loading' } | { kind: 'loaded'; choices: readonly Choice[] } | { kind: 'failed'; message: string };

export interface SetupFieldProps {
  path: FieldPath;
  value: string | boolean;
  error: string | undefined;
  onChange: (path: FieldPath, value: string | boolean) => void;
  businesses: Choices;
  companies: Choices;
  conversations: ConversationChoices;
  /** Business Central's lists the 'lookup' fields pick from. */
  tables: SetupTablesState;
  /** The Bookings services by name, for the per-service fee items. */
  services: readonly Choice[];
  /** The business's currency, for the fee amount; null while not known. */
  currency: string | null;
}

/** One setup field, its label from the catalogue and its error (ours or the server's) under it. */
export function SetupField(props: SetupFieldProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { path, value, error } = props;
  const kind = FIELDS[path];
  const label = t.fields[path];
  const set = (v: string | boolean) => props.onChange(path, v);
  const fieldProps = { label, validationMessage: error, validationState: error ? ('error' as const) : ('none' as const) };
  // A picker whose list could not be read says so under it, unless the value itself is wrong.
  const listFailed = (list: Choices, words: (message: string) => string) =>
    list.kind === 'failed' && !error ? { ...fieldProps, validationMessage: words(list.message), validationState: 'warning' as const } : fieldProps;

  if (kind === 'flag' || kind === 'feeSwitch') {
    return (
      <Field className={styles.flag} validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Checkbox label={label} checked={value === true} onChange={(_, d) => set(d.checked === true)} />
      </Field>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const choices = (options: readonly Choice[], blank: string) => (
    <Select value={text} onChange={(_, d) => set(d.value)}>
      <option value="">{blank}</option>
      {!options.some((o) => o.id === text) && text !== '' && <option value={text}>{text}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  switch (kind) {
    case 'business':
      return (
        <Field {...listFailed(props.businesses, t.businessesFailed)}>
          {choices(props.businesses.kind === 'loaded' ? props.businesses.choices : [], t.chooseBusiness)}
        </Field>
      );
    case 'company':
      // Without the list (not read yet, or unreadable) the company's id can still be typed.
      return (
        <Field {...listFailed(props.companies, t.companiesFailed)}>
          {props.companies.kind === 'loaded' ? choices(props.companies.choices, t.chooseCompany) : <Input value={text} onChange={(_, d) => set(d.value)} />}
        </Field>
      );
    case 'customerType':
      return (
        <Field {...fieldProps}>
          <Select value={text} onChange={(_, d) => set(d.value)}>
            <option value="Person">{t.customerTypes.Person}</option>
            <option value="Company">{t.customerTypes.Company}</option>
          </Select>
        </Field>
      );
    case 'grouping':
      return (
        <Field {...fieldProps}>
          <Select value={text} onChange={(_, d) => set(d.value)}>
            {(Object.keys(t.groupings) as (keyof typeof t.groupings)[]).map((g) => (
              <option key={g} value={g}>
                {t.groupings[g]}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'weekday':
    case 'frequency': {
      const options = kind === 'weekday' ? t.weekdays : t.frequencies;
      return (
        <Field {...fieldProps}>
          <Select value={text} onChange={(_, d) => set(d.value)}>
            {(Object.keys(options) as (keyof typeof options)[]).map((o) => (
              <option key={o} value={o}>
                {options[o]}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    case 'conversations':
      return <ConversationPicker label={label} value={text} error={error} choices={props.conversations} onChange={set} />;
    case 'lines':
      return (
        <Field {...fieldProps}>
          <Textarea value={text} resize="vertical" onChange={(_, d) => set(d.value)} />
        </Field>
      );
    case 'number':
      return (
        <Field {...fieldProps}>
          <Input type="number" inputMode="numeric" value={text} onChange={(_, d) => set(d.value)} />
        </Field>
      );
    case 'time':
      // A text field, not type="time": that one shows 07:30 AM under an English browser locale.
      return (
        <Field {...fieldProps}>
          <Input
            value={text}
            inputMode="numeric"
            placeholder={t.timePlaceholder}
            maxLength={5}
            onChange={(_, d) => set(d.value)}
            onBlur={() => {
              const normal = normalizeTimeOfDay(text);
              if (normal !== text) set(normal);
            }}
          />
        </Field>
      );
    case 'lookup':
      return isSetupLookupPath(path) ? <LookupField path={path} label={label} value={text} error={error} tables={props.tables} onChange={set} /> : null;
    case 'feeItem':
      return <FeeItemField label={label} value={text} error={error} tables={props.tables} onChange={set} />;
    case 'feePerService':
      return <FeePerServiceField value={text} error={error} services={props.services} tables={props.tables} onChange={set} />;
    case 'feeRuleKind':
      return (
        <Field {...fieldProps}>
          <Select value={text} onChange={(_, d) => set(d.value)}>
            {(Object.keys(t.feeRuleKinds) as (keyof typeof t.feeRuleKinds)[]).map((k) => (
              <option key={k} value={k}>
                {t.feeRuleKinds[k]}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'feeAmount':
      return (
        <Field {...fieldProps} label={props.currency ? `${label} (${props.currency})` : label}>
          <Input value={text} inputMode="decimal" onChange={(_, d) => set(d.value)} />
        </Field>
      );
    case 'text':
      return (
        <Field {...fieldProps}>
          <Input value={text} onChange={(_, d) => set(d.value)} />
        </Field>
      );
  }
}
