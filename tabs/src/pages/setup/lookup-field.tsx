import { Caption1, Dropdown, Field, Option } from '@fluentui/react-components';
import type { SetupTableEntryView } from '../../../../contract/api-contract';
import { useI18n } from '../../i18n/i18n-context';
import { SETUP_LOOKUPS, type SetupLookupPath } from '../../../../service/setup/setup-lookups';
import type { SetupTablesState } from './use-setup-tables';

/** How a record reads in the picker: its code and, when it has one, its name. */
export function entryText(entry: SetupTableEntryView): string {
  return entry.displayName && entry.displayName !== entry.code ? `${entry.code} – ${entry.displayName}` : entry.code;
}

export interface LookupFieldProps {
  path: SetupLookupPath;
  label: string;
  value: string;
  error: string | undefined;
  tables: SetupTablesState;
  onChange: (value: string) => void;
}

/**
 * A template field picked from Business Central's own list (payment terms, units, ...), showing the
 * current value by code and name. A stored value the list lacks stays selected as "Unknown (…)",
 * with a warning, until someone picks another.
 */
export function LookupField(props: LookupFieldProps) {
  const { t } = useI18n();
  const { table, stores } = SETUP_LOOKUPS[props.path];
  const loaded = props.tables.kind === 'loaded' ? props.tables.tables : null;
  const entries = loaded?.tables[table] ?? [];
  // The local currency's own code means what blank means (BC's currencies never list it).
  const value = table === 'currencies' && loaded && props.value.toUpperCase() === loaded.localCurrency ? '' : props.value;
  const keyOf = (entry: SetupTableEntryView) => entry[stores];
  // GUIDs and codes alike compare without case: the setup upper-cases codes, and ids are case-free.
  const current = entries.find((e) => keyOf(e).toLowerCase() === value.toLowerCase());
  const blank = table === 'currencies' ? t.lookupLocalCurrency(loaded?.localCurrency ?? '') : t.lookupNone;
  const unknown = loaded !== null && value !== '' && current === undefined;
  // Before the list is read, a code still says something; an id would only be a GUID.
  const pending = stores === 'code' ? value : '';
  const shown = value === '' ? blank : current ? entryText(current) : loaded ? t.lookupUnknown(value) : pending;
  const validation = props.error
    ? { validationState: 'error' as const, validationMessage: props.error }
    : unknown
      ? { validationState: 'warning' as const, validationMessage: t.lookupUnknownWarning }
      : { validationState: 'none' as const };
  return (
    <Field label={props.label} {...validation}>
      <Dropdown
        value={shown}
        selectedOptions={[current ? keyOf(current) : value]}
        disabled={loaded === null}
        onOptionSelect={(_, data) => props.onChange(data.optionValue ?? '')}
      >
        <Option value="" text={blank}>
          {blank}
        </Option>
        {unknown && (
          <Option value={value} text={t.lookupUnknown(value)}>
            {t.lookupUnknown(value)}
          </Option>
        )}
        {entries.map((entry) => (
          <Option key={entry.id} value={keyOf(entry)} text={entryText(entry)}>
            {entryText(entry)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** One line above the template fields while their lists cannot be picked from. */
export function LookupStatus(props: { tables: SetupTablesState }) {
  const { t } = useI18n();
  switch (props.tables.kind) {
    case 'loaded':
      return null;
    case 'no-company':
      return <Caption1 as="p">{t.lookupNeedsCompany}</Caption1>;
    case 'loading':
      return (
        <Caption1 as="p" role="status">
          {t.lookupLoading}
        </Caption1>
      );
    case 'failed':
      return (
        <Caption1 as="p" role="alert">
          {t.lookupFailed(props.tables.message)}
        </Caption1>
      );
  }
}
