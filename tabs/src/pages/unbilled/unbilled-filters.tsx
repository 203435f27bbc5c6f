import { Button, Field, Input, makeStyles, mergeClasses, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { REASONS } from '../../../../contract/api-contract';
import { useI18n } from '../../i18n/i18n-context';
import { type Filter, SHOW_CHOICES, type ShowChoice } from './filter-state';
import type { Option } from './known-options';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  text: { width: '180px' },
  // One field a line, each as wide as the drawer.
  stacked: { flexDirection: 'column', flexWrap: 'nowrap', alignItems: 'stretch', gap: tokens.spacingVerticalM },
  full: { width: '100%' },
});

const TYPING_DELAY_MS = 300;

/** The reasons a row in the list can be held back by and someone can act on (states have their own view). */
const BLOCKING_REASONS = REASONS.filter((r) => !['cancelled', 'invoiced', 'claimed', 'excluded'].includes(r));

export interface UnbilledFiltersProps {
  filter: Filter;
  services: readonly Option[];
  staff: readonly Option[];
  onChange: (change: Partial<Filter>) => void;
  onClear: () => void;
  /** One field a line (in the narrow layout's drawer). */
  stacked?: boolean;
}

/** Dates and pickers apply at once; typed text after a short pause, so each key is not a request. */
export function UnbilledFilters(props: UnbilledFiltersProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { filter, onChange } = props;
  const [customer, setCustomer] = useState(filter.customer);
  const [search, setSearch] = useState(filter.search);

  useEffect(() => setCustomer(filter.customer), [filter.customer]);
  useEffect(() => setSearch(filter.search), [filter.search]);
  useEffect(() => {
    if (customer === filter.customer && search === filter.search) return undefined;
    const timer = setTimeout(() => onChange({ customer, search }), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [customer, search, filter.customer, filter.search, onChange]);
  // The drawer unmounts the form when it closes: text typed just before must still apply.
  const latest = useRef({ customer, search, filter, onChange });
  latest.current = { customer, search, filter, onChange };
  useEffect(
    () => () => {
      const last = latest.current;
      if (last.customer !== last.filter.customer || last.search !== last.filter.search) last.onChange({ customer: last.customer, search: last.search });
    },
    [],
  );
  const text = props.stacked ? styles.full : styles.text;

  return (
    <div className={props.stacked ? mergeClasses(styles.root, styles.stacked) : styles.root} role="search" aria-label={t.filtersLabel}>
      <Field label={t.filterFrom}>
        <Input type="date" value={filter.from} max={filter.to || undefined} onChange={(_, d) => onChange({ from: d.value })} />
      </Field>
      <Field label={t.filterTo}>
        <Input type="date" value={filter.to} min={filter.from || undefined} onChange={(_, d) => onChange({ to: d.value })} />
      </Field>
      <Field label={t.filterCustomer}>
        <Input className={text} value={customer} onChange={(_, d) => setCustomer(d.value)} />
      </Field>
      <Field label={t.filterService}>
        <Select value={filter.serviceId} onChange={(_, d) => onChange({ serviceId: d.value })}>
          <option value="">{t.filterAny}</option>
          {props.services.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.filterStaff}>
        <Select value={filter.staffMemberId} onChange={(_, d) => onChange({ staffMemberId: d.value })}>
          <option value="">{t.filterAny}</option>
          {props.staff.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.filterSearch}>
        <SearchBox className={text} placeholder={t.filterSearchPlaceholder} value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      <Field label={t.filterShow}>
        <Select value={filter.show} onChange={(_, d) => onChange({ show: SHOW_CHOICES.find((c) => c === d.value) ?? 'invoiceable' })}>
          {SHOW_CHOICES.map((c: ShowChoice) => (
            <option key={c} value={c}>
              {t.showChoices[c]}
            </option>
          ))}
        </Select>
      </Field>
      {filter.show !== 'invoiceable' && (
        <Field label={t.filterReason}>
          <Select value={filter.reason} onChange={(_, d) => onChange({ reason: d.value })}>
            <option value="">{t.filterAny}</option>
            {BLOCKING_REASONS.map((r) => (
              <option key={r} value={r}>
                {t.reasons[r]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button onClick={props.onClear}>{t.clearFilters}</Button>
    </div>
  );
}
