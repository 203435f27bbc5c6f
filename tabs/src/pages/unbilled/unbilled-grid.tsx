import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  tokens,
  useFocusFinders,
  useTableCell_unstable,
  useTableCellStyles_unstable,
  useTableCompositeNavigation,
} from '@fluentui/react-components';
import { type KeyboardEvent, memo, useCallback, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { Messages } from '../../i18n/messages-en';
import type { SortKey, Direction } from './filter-state';
import { ReasonCell } from './reason-cell';
import { RowMenu } from './row-menu';
import type { RowView } from './row-view';

type ColumnId = 'customer' | 'service' | 'staff' | 'start' | 'duration' | 'amount' | 'priceType' | 'state' | 'reason' | 'actions';

const useStyles = makeStyles({
  // Below this the columns are too narrow to read; the grid then scrolls inside its own container.
  grid: { minWidth: '940px' },
  amount: { display: 'flex', flexDirection: 'column', fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground3 },
  // Text wraps inside its cell (a long word breaks) rather than running into the next column.
  cell: { minWidth: 0, overflowWrap: 'anywhere' },
  state: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

/**
 * Each column's share of the width (Fluent gives every cell `flex: 1 1 0`): the reason with its hint
 * and price field needs the most, the actions a fixed button's width.
 */
const useColumnStyles = makeStyles({
  customer: { flexGrow: 1.2 },
  service: { flexGrow: 1.7 },
  staff: { flexGrow: 1.1 },
  start: { flexGrow: 1.3 },
  duration: { flexGrow: 0.8 },
  amount: { flexGrow: 1.2 },
  priceType: { flexGrow: 0.8 },
  state: { flexGrow: 0.9 },
  reason: { flexGrow: 2.2 },
  // The Exclude / Include button and the row's menu beside it.
  actions: { flexGrow: 0, flexShrink: 0, flexBasis: '136px' },
});

const COLUMNS: readonly { id: ColumnId; header: (t: Messages) => string; sort?: SortKey }[] = [
  { id: 'customer', header: (t) => t.colCustomer, sort: 'customer' },
  { id: 'service', header: (t) => t.colService, sort: 'service' },
  { id: 'staff', header: (t) => t.colStaff },
  { id: 'start', header: (t) => t.colStart, sort: 'start' },
  { id: 'duration', header: (t) => t.colDuration, sort: 'duration' },
  { id: 'amount', header: (t) => t.colAmount, sort: 'amount' },
  { id: 'priceType', header: (t) => t.colPriceType },
  { id: 'state', header: (t) => t.colState, sort: 'state' },
  { id: 'reason', header: (t) => t.colReason },
  { id: 'actions', header: (t) => t.colActions },
];

type CellClasses = Record<ColumnId, string>;

/** The columns that show their row's text as it is, in the order of COLUMNS. */
const TEXT_CELLS = ['customer', 'service', 'staff', 'start', 'duration'] as const satisfies readonly ColumnId[];

export interface UnbilledGridProps {
  rows: readonly RowView[];
  selected: ReadonlySet<string>;
  onSelectionChange: (checked: Set<string>) => void;
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
  onExclude: (id: string) => void;
  onInclude: (id: string) => void;
  onNoShow: (id: string, noShow: boolean) => void;
  onSetPrice: (id: string, minor: number, currency: string) => void;
  busyId: string | null;
  /** The rows answered an earlier page, filter or sort while the next loads: their ticks are disabled. */
  stale: boolean;
}

/**
 * The Unbilled rows as an ARIA grid of Fluent's table parts, laid out and navigated as Fluent's
 * DataGrid lays out and navigates (flex cells, composite focus: arrows between rows and cells, Enter
 * into a cell, Space or a click on a row ticks it). DataGrid itself ran a context selector, column
 * sizing and a Fluent cell for each of a page's 550 cells; here a cell is a plain element with the
 * class Fluent's cell gets, a row re-renders only when its own data, tick or busy state changes, and
 * a row's menu mounts when opened. Memoised: the page re-renders with its loading flag and summary.
 */
export const UnbilledGrid = memo(function UnbilledGrid(props: UnbilledGridProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const navigation = useTableCompositeNavigation();
  const { findFirstFocusable, findLastFocusable } = useFocusFinders();
  const ids = props.rows.map((r) => r.id);
  const checkedOnPage = ids.filter((id) => props.selected.has(id)).length;
  const pageState = checkedOnPage === 0 ? false : checkedOnPage === ids.length ? true : 'mixed';
  // The rows' handlers stay the same across renders, so a row re-renders with its own props only.
  const latest = useRef(props);
  latest.current = props;
  const onToggle = useCallback((id: string) => {
    const { rows, selected, onSelectionChange } = latest.current;
    const next = new Set(rows.map((r) => r.id).filter((other) => selected.has(other)));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectionChange(next);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    navigation.onTableKeyDown(e);
    // As DataGrid: Ctrl+Home and Ctrl+End go to the first and the last row.
    if (!e.ctrlKey || e.defaultPrevented || (e.key !== 'Home' && e.key !== 'End')) return;
    const rows = e.currentTarget.querySelectorAll<HTMLElement>('[role="row"]');
    const row = e.key === 'Home' ? rows.item(0) : rows.item(rows.length - 1);
    if (row) (e.key === 'Home' ? findFirstFocusable(row) : findLastFocusable(row))?.focus();
  };
  return (
    <Table
      noNativeElements
      role="grid"
      aria-label={t.gridLabel}
      size="small"
      sortable
      className={styles.grid}
      {...navigation.tableTabsterAttribute}
      onKeyDown={onKeyDown}
    >
      <TableHeader>
        <TableRow>
          <TableSelectionCell
            role="gridcell"
            type="checkbox"
            checked={pageState}
            aria-selected={pageState === 'mixed' ? undefined : pageState}
            checkboxIndicator={{ 'aria-label': t.selectPage, disabled: props.stale }}
            onClick={() => props.onSelectionChange(pageState === true ? new Set() : new Set(ids))}
          />
          <HeaderCells sort={props.sort} direction={props.direction} onSort={props.onSort} />
        </TableRow>
      </TableHeader>
      <TableBody>
        <GridRows
          rows={props.rows}
          selected={props.selected}
          busyId={props.busyId}
          stale={props.stale}
          rowAttributes={navigation.tableRowTabsterAttribute}
          onToggle={onToggle}
          onExclude={props.onExclude}
          onInclude={props.onInclude}
          onNoShow={props.onNoShow}
          onSetPrice={props.onSetPrice}
        />
      </TableBody>
    </Table>
  );
});

function HeaderCells(props: { sort: SortKey; direction: Direction; onSort: (key: SortKey) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  return (
    <>
      {COLUMNS.map((column) => (
        <TableHeaderCell
          key={column.id}
          className={mergeClasses(styles.cell, columnStyles[column.id])}
          // A sortable header's button takes focus; any other header cell takes it itself, as in DataGrid.
          tabIndex={column.sort ? undefined : 0}
          sortable={column.sort !== undefined}
          sortDirection={column.sort === props.sort ? (props.direction === 'asc' ? 'ascending' : 'descending') : undefined}
          onClick={column.sort ? () => props.onSort(column.sort!) : undefined}
        >
          {column.header(t)}
        </TableHeaderCell>
      ))}
    </>
  );
}

interface GridRowsProps {
  rows: readonly RowView[];
  selected: ReadonlySet<string>;
  busyId: string | null;
  stale: boolean;
  rowAttributes: ReturnType<typeof useTableCompositeNavigation>['tableRowTabsterAttribute'];
  onToggle: (id: string) => void;
  onExclude: (id: string) => void;
  onInclude: (id: string) => void;
  onNoShow: (id: string, noShow: boolean) => void;
  onSetPrice: (id: string, minor: number, currency: string) => void;
}

/** Inside the table, so the one Fluent cell made here gets the table's size and layout for its class. */
function GridRows(props: GridRowsProps) {
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  const cell = useTableCell_unstable({}, useRef<HTMLDivElement>(null));
  useTableCellStyles_unstable(cell);
  const cellClass = cell.root.className;
  const classes = useRef<{ from: string | undefined; value: CellClasses } | null>(null);
  if (classes.current?.from !== cellClass) {
    const value = Object.fromEntries(COLUMNS.map((c) => [c.id, mergeClasses(cellClass, styles.cell, columnStyles[c.id])])) as CellClasses;
    classes.current = { from: cellClass, value };
  }
  const keys = useRowKeys(props.rows);
  return (
    <>
      {props.rows.map((row) => (
        <GridRow
          key={keys.get(row.id)}
          row={row}
          selected={props.selected.has(row.id)}
          busy={props.busyId === row.id}
          stale={props.stale}
          cells={classes.current!.value}
          rowAttributes={props.rowAttributes}
          onToggle={props.onToggle}
          onExclude={props.onExclude}
          onInclude={props.onInclude}
          onNoShow={props.onNoShow}
          onSetPrice={props.onSetPrice}
        />
      ))}
    </>
  );
}

/**
 * Each row's React key. A row still listed keeps its key, so what it has open (a link picker, a typed
 * price) stays with its appointment when the list changes under it; a row newly listed takes the key of
 * one that left, so the next page updates fifty rows in place instead of unmounting fifty and mounting fifty.
 */
function useRowKeys(rows: readonly RowView[]): ReadonlyMap<string, number> {
  const previous = useRef<ReadonlyMap<string, number>>(new Map());
  const kept = new Map<string, number>();
  for (const row of rows) {
    const key = previous.current.get(row.id);
    if (key !== undefined) kept.set(row.id, key);
  }
  const taken = new Set(kept.values());
  const free = [...previous.current.values()].filter((key) => !taken.has(key));
  let next = Math.max(-1, ...previous.current.values(), ...taken) + 1;
  for (const row of rows) if (!kept.has(row.id)) kept.set(row.id, free.shift() ?? next++);
  // The same rows give the same keys, so a repeated render of them changes nothing.
  previous.current = kept;
  return kept;
}

interface GridRowProps extends Omit<GridRowsProps, 'rows' | 'selected' | 'busyId'> {
  row: RowView;
  selected: boolean;
  busy: boolean;
  cells: CellClasses;
}

const isInteractive = (target: EventTarget) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, button, select, textarea, a, [role="button"]') !== null);

const GridRow = memo(function GridRow({
  row,
  selected,
  busy,
  stale,
  cells,
  rowAttributes,
  onToggle,
  onExclude,
  onInclude,
  onNoShow,
  onSetPrice,
}: GridRowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const name = `${row.customer}, ${row.start}`;
  return (
    <TableRow
      appearance={selected ? 'brand' : 'none'}
      aria-selected={selected}
      tabIndex={0}
      {...rowAttributes}
      onClick={(e) => {
        // A click on the row or its tick box ticks it; one on a control in it (Exclude, a price, a link
        // button) or in what that opened (a dialog, a menu, rendered elsewhere in the page) does not.
        const onCheckbox = e.target instanceof HTMLInputElement && e.target.type === 'checkbox';
        if (e.currentTarget.contains(e.target as Node) && (onCheckbox || !isInteractive(e.target))) onToggle(row.id);
      }}
      onKeyDown={(e) => {
        if (e.key === ' ' && !isInteractive(e.target)) {
          // Space ticks the row rather than scrolling the page.
          e.preventDefault();
          onToggle(row.id);
        }
      }}
    >
      <TableSelectionCell
        role="gridcell"
        type="checkbox"
        checked={selected}
        aria-selected={selected}
        checkboxIndicator={{ 'aria-label': t.selectRow(name), disabled: stale }}
      />
      {TEXT_CELLS.map((key) => (
        <div key={key} role="gridcell" tabIndex={0} className={cells[key]}>
          {row[key]}
        </div>
      ))}
      <div role="gridcell" tabIndex={0} className={cells.amount}>
        <span className={styles.amount}>
          <span>{row.amount}</span>
          {row.amountDetail && <Caption1 className={styles.detail}>{row.amountDetail}</Caption1>}
        </span>
      </div>
      <div role="gridcell" tabIndex={0} className={cells.priceType}>
        {row.priceType}
      </div>
      <div role="gridcell" tabIndex={0} className={cells.state}>
        <span className={styles.state}>
          <span>{row.state}</span>
          {row.noShow && (
            <Badge appearance="tint" color="warning" size="small">
              {t.noShow}
            </Badge>
          )}
        </span>
      </div>
      <div role="gridcell" tabIndex={0} className={cells.reason}>
        <ReasonCell key={row.id} row={row} busy={busy} onSetPrice={onSetPrice} />
      </div>
      <div role="gridcell" tabIndex={0} className={cells.actions}>
        <span className={styles.actions}>
          {row.excluded ? (
            <Button size="small" disabled={busy} aria-label={t.includeRow(name)} onClick={() => onInclude(row.id)}>
              {t.include}
            </Button>
          ) : (
            <Button size="small" disabled={busy} aria-label={t.excludeRow(name)} onClick={() => onExclude(row.id)}>
              {t.exclude}
            </Button>
          )}
          {row.noShowAction !== null && (
            <RowMenu
              key={row.id}
              label={t.moreActions(name)}
              disabled={busy}
              item={row.noShowAction === 'mark' ? t.markNoShow : t.undoNoShow}
              onSelect={() => onNoShow(row.id, row.noShowAction === 'mark')}
            />
          )}
        </span>
      </div>
    </TableRow>
  );
});
