import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  Checkbox,
  Field,
  List,
  ListItem,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Select,
  tokens,
} from '@fluentui/react-components';
import { memo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { Direction, SortKey } from './filter-state';
import { LIST_SORT_CHOICES, sortChoiceText, sortChoiceValue } from './list-sort';
import { ReasonCell } from './reason-cell';
import type { RowView } from './row-view';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  sort: { minWidth: 0, maxWidth: '100%' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `1px solid ${tokens.colorBrandStroke1}` },
  // Checkbox | customer | amount | actions: the name takes what is left and wraps; the rest of the row
  // has the card's whole width under it, so a service name needs no break on the narrowest phone.
  top: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto auto', alignItems: 'start', columnGap: tokens.spacingHorizontalS },
  customer: { minWidth: 0, overflowWrap: 'anywhere', paddingTop: tokens.spacingVerticalXXS },
  amount: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', paddingTop: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground3 },
  // Under the name, lined up with it past the checkbox.
  below: { paddingLeft: '40px', minWidth: 0, overflowWrap: 'anywhere', display: 'flex', flexDirection: 'column' },
  badge: { alignSelf: 'flex-start' },
});

export interface UnbilledListProps {
  rows: readonly RowView[];
  selected: ReadonlySet<string>;
  onSelectionChange: (checked: Set<string>) => void;
  sort: SortKey;
  direction: Direction;
  onSortChoice: (value: string) => void;
  onExclude: (id: string) => void;
  onInclude: (id: string) => void;
  onNoShow: (id: string, noShow: boolean) => void;
  onSetPrice: (id: string, minor: number, currency: string) => void;
  busyId: string | null;
  /** The rows answered an earlier page, filter or sort while the next loads: their ticks are disabled. */
  stale: boolean;
}

/**
 * The Unbilled rows for a phone, a side panel or a tablet: one stacked card per appointment with its
 * checkbox, what it bills, why it cannot be invoiced yet (with the fix), and its actions in a menu;
 * the sort menu stands in for the grid's clickable headers.
 */
/** Memoised as the grid is: it re-renders with its own props only. */
export const UnbilledList = memo(function UnbilledList(props: UnbilledListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const ids = props.rows.map((r) => r.id);
  const checkedOnPage = ids.filter((id) => props.selected.has(id)).length;
  const pageState = checkedOnPage === 0 ? false : checkedOnPage === ids.length ? true : 'mixed';
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ids.filter((other) => props.selected.has(other)));
    if (on) next.add(id);
    else next.delete(id);
    props.onSelectionChange(next);
  };
  const current = sortChoiceValue(props.sort, props.direction);
  return (
    <>
      <div className={styles.toolbar}>
        <Checkbox
          label={t.selectPage}
          checked={pageState}
          disabled={props.stale}
          onChange={() => props.onSelectionChange(pageState === true ? new Set() : new Set(ids))}
        />
        <Field label={t.sortLabel} className={styles.sort}>
          <Select value={current} onChange={(_, d) => props.onSortChoice(d.value)}>
            {/* A sort the menu does not offer (from a link) still shows as chosen. */}
            {!LIST_SORT_CHOICES.some((c) => c.value === current) && <option value={current}>{sortChoiceText(props, t)}</option>}
            {LIST_SORT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {sortChoiceText(c, t)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <List className={styles.list} aria-label={t.gridLabel}>
        {props.rows.map((row) => {
          const name = `${row.customer}, ${row.start}`;
          const selected = props.selected.has(row.id);
          const busy = props.busyId === row.id;
          return (
            <ListItem key={row.id} className={mergeClasses(styles.item, selected && styles.selected)}>
              <div className={styles.top}>
                <Checkbox checked={selected} disabled={props.stale} aria-label={t.selectRow(name)} onChange={(_, d) => toggle(row.id, d.checked === true)} />
                <Body1Strong className={styles.customer}>{row.customer}</Body1Strong>
                <Body1Strong className={styles.amount} data-field="amount">
                  {row.amount}
                </Body1Strong>
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <MenuButton appearance="subtle" size="small" disabled={busy} aria-label={t.rowActions(name)} />
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      {row.excluded ? (
                        <MenuItem onClick={() => props.onInclude(row.id)}>{t.include}</MenuItem>
                      ) : (
                        <MenuItem onClick={() => props.onExclude(row.id)}>{t.exclude}</MenuItem>
                      )}
                      {row.noShowAction !== null && (
                        <MenuItem onClick={() => props.onNoShow(row.id, row.noShowAction === 'mark')}>
                          {row.noShowAction === 'mark' ? t.markNoShow : t.undoNoShow}
                        </MenuItem>
                      )}
                    </MenuList>
                  </MenuPopover>
                </Menu>
              </div>
              <div className={styles.below}>
                <Body1>{row.service}</Body1>
                <Caption1 className={styles.detail}>
                  {row.start} · {row.duration}
                </Caption1>
                {row.staff && <Caption1 className={styles.detail}>{row.staff}</Caption1>}
                {row.amountDetail && <Caption1 className={styles.detail}>{row.amountDetail}</Caption1>}
                <Caption1 className={styles.detail}>
                  {row.priceType} · {row.state}
                </Caption1>
                {row.noShow && (
                  <Badge className={styles.badge} appearance="tint" color="warning" size="small">
                    {t.noShow}
                  </Badge>
                )}
                {row.reason && <ReasonCell row={row} busy={busy} onSetPrice={props.onSetPrice} />}
              </div>
            </ListItem>
          );
        })}
      </List>
    </>
  );
});
