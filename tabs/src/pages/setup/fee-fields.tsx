import { Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { SetupTableEntryView } from '../../../../contract/api-contract';
import { useI18n } from '../../i18n/i18n-context';
import { entryText } from './lookup-field';
import { perServiceMap } from './setup-form';
import type { Choice } from './setup-field';
import type { SetupTablesState } from './use-setup-tables';

const useStyles = makeStyles({
  // The whole row of the section's grid, its pickers in a grid of their own.
  group: { gridColumn: '1 / -1', border: 'none', padding: 0, margin: 0, minWidth: 0 },
  pickers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    '& > *': { minWidth: 0 },
    '& .fui-Select': { minWidth: 0 },
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const serviceItemsOf = (tables: SetupTablesState): SetupTableEntryView[] => (tables.kind === 'loaded' ? tables.tables.serviceItems : []);

/** A picker of Business Central's Service items ("CODE – Name"), keeping a stored id the list lacks as "Unknown (…)". */
function ItemSelect(props: {
  label: string;
  value: string;
  blank: string;
  error?: string | undefined;
  tables: SetupTablesState;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const items = serviceItemsOf(props.tables);
  // Ids compare without case: Business Central's GUIDs are case-free.
  const current = items.find((i) => i.id.toLowerCase() === props.value.toLowerCase());
  const known = current !== undefined;
  return (
    <Field label={props.label} validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
      <Select value={current?.id ?? props.value} disabled={props.tables.kind !== 'loaded'} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.blank}</option>
        {!known && props.value !== '' && <option value={props.value}>{t.lookupUnknown(props.value)}</option>}
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {entryText(item)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The no-show fee's item: one for every service. */
export function FeeItemField(props: { label: string; value: string; error: string | undefined; tables: SetupTablesState; onChange: (id: string) => void }) {
  const { t } = useI18n();
  return <ItemSelect {...props} blank={t.feeItemNone} />;
}

/** Optional fee items per Bookings service (by name); a service left on "the fee item above" uses the one fee item. */
export function FeePerServiceField(props: {
  value: string;
  error: string | undefined;
  services: readonly Choice[];
  tables: SetupTablesState;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const map = perServiceMap(props.value);
  const set = (serviceId: string, itemId: string) => {
    const next = { ...map, [serviceId]: itemId };
    props.onChange(
      Object.entries(next)
        .filter(([, item]) => item !== '')
        .map(([service, item]) => `${service}=${item}`)
        .join('\n'),
    );
  };
  // Services the setup names that Bookings no longer lists stay, under their id, so a save keeps them.
  const services = [
    ...props.services,
    ...Object.keys(map)
      .filter((id) => !props.services.some((s) => s.id === id))
      .map((id) => ({ id, label: id })),
  ];
  return (
    <fieldset className={styles.group}>
      <legend>{t.feePerServiceTitle}</legend>
      {props.error && (
        <Caption1 role="alert" className={styles.error}>
          {props.error}
        </Caption1>
      )}
      <div className={styles.pickers}>
        {services.map((service) => (
          <ItemSelect
            key={service.id}
            label={t.feePerServiceLabel(service.label)}
            value={map[service.id] ?? ''}
            blank={t.feeSameItem}
            tables={props.tables}
            onChange={(id) => set(service.id, id)}
          />
        ))}
      </div>
    </fieldset>
  );
}
