import {
  Badge,
  Button,
  Caption1,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  type TableColumnDefinition,
  makeStyles,
  mergeClasses,
  type TableRowId,
  tokens,
} from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { SortKey, Direction } from './filter-state';
import { ReasonCell } from './reason-cell';
import type { RowView } from './row-view';

type ColumnId = keyof RowView | 'actions';

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

const SORTABLE: Partial<Record<ColumnId, SortKey>> = {
  customer: 'customer',
  service: 'service',
  start: 'start',
  duration: 'duration',
  amount: 'amount',
  state: 'state',
};

/**
 * The server sorts and pages, so the grid keeps the server's order. Fluent counts a column sortable only
 * when its compare declares two parameters (compare.length > 0): a `() => 0` silently disabled sorting.
 */
function keepServerOrder(_a: RowView, _b: RowView): number {
  return 0;
}

const compareFor = (id: ColumnId) => (SORTABLE[id] ? { compare: keepServerOrder } : {});

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
}

/** The row's fields a column can show as they are. */
type TextField = { [K in keyof RowView]: RowView[K] extends string | number ? K : never }[keyof RowView];

/** Memoised: the page re-renders with its loading flag and summary; the grid only with its own props. */
export const UnbilledGrid = memo(function UnbilledGrid(props: UnbilledGridProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  const cellClass = (columnId: string | number) =>
    mergeClasses(styles.cell, Object.hasOwn(columnStyles, columnId) ? columnStyles[columnId as keyof typeof columnStyles] : undefined);
  const text = (id: TextField, label: string): TableColumnDefinition<RowView> =>
    createTableColumn<RowView>({ columnId: id, ...compareFor(id), renderHeaderCell: () => label, renderCell: (row) => String(row[id]) });
  const { busyId, onSetPrice, onInclude, onExclude, onNoShow } = props;
  // The columns are made again only when what a cell shows changes, not with every render.
  const columns: TableColumnDefinition<RowView>[] = useMemo(
    () => [
      text('customer', t.colCustomer),
      text('service', t.colService),
      text('staff', t.colStaff),
      text('start', t.colStart),
      text('duration', t.colDuration),
      createTableColumn<RowView>({
        columnId: 'amount',
        ...compareFor('amount'),
        renderHeaderCell: () => t.colAmount,
        renderCell: (row) => (
          <span className={styles.amount}>
            <span>{row.amount}</span>
            {row.amountDetail && <Caption1 className={styles.detail}>{row.amountDetail}</Caption1>}
          </span>
        ),
      }),
      text('priceType', t.colPriceType),
      createTableColumn<RowView>({
        columnId: 'state',
        ...compareFor('state'),
        renderHeaderCell: () => t.colState,
        renderCell: (row) => (
          <span className={styles.state}>
            <span>{row.state}</span>
            {row.noShow && (
              <Badge appearance="tint" color="warning" size="small">
                {t.noShow}
              </Badge>
            )}
          </span>
        ),
      }),
      createTableColumn<RowView>({
        columnId: 'reason',
        renderHeaderCell: () => t.colReason,
        renderCell: (row) => <ReasonCell row={row} busy={busyId === row.id} onSetPrice={onSetPrice} />,
      }),
      createTableColumn<RowView>({
        columnId: 'actions',
        renderHeaderCell: () => t.colActions,
        renderCell: (row) => (
          <span className={styles.actions}>
            {row.excluded ? (
              <Button size="small" disabled={busyId === row.id} aria-label={t.includeRow(`${row.customer}, ${row.start}`)} onClick={() => onInclude(row.id)}>
                {t.include}
              </Button>
            ) : (
              <Button size="small" disabled={busyId === row.id} aria-label={t.excludeRow(`${row.customer}, ${row.start}`)} onClick={() => onExclude(row.id)}>
                {t.exclude}
              </Button>
            )}
            {row.noShowAction !== null && (
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuButton appearance="subtle" size="small" disabled={busyId === row.id} aria-label={t.moreActions(`${row.customer}, ${row.start}`)} />
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem onClick={() => onNoShow(row.id, row.noShowAction === 'mark')}>
                      {row.noShowAction === 'mark' ? t.markNoShow : t.undoNoShow}
                    </MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            )}
          </span>
        ),
      }),
    ],
    [t, styles, busyId, onSetPrice, onInclude, onExclude, onNoShow],
  );
  const items = useMemo(() => [...props.rows], [props.rows]);
  const sortColumn = Object.entries(SORTABLE).find(([, key]) => key === props.sort)?.[0];
  return (
    <DataGrid
      items={items}
      columns={columns}
      getRowId={(row: RowView) => row.id}
      selectionMode="multiselect"
      selectedItems={props.selected as Set<TableRowId>}
      onSelectionChange={(_, data) => props.onSelectionChange(new Set([...data.selectedItems].map(String)))}
      sortable
      sortState={sortColumn ? { sortColumn, sortDirection: props.direction === 'asc' ? 'ascending' : 'descending' } : undefined}
      onSortChange={(_, state) => {
        const key = SORTABLE[state.sortColumn as ColumnId];
        if (key) props.onSort(key);
      }}
      focusMode="composite"
      aria-label={t.gridLabel}
      size="small"
      className={styles.grid}
    >
      <DataGridHeader>
        <DataGridRow selectionCell={{ checkboxIndicator: { 'aria-label': t.selectPage } }}>
          {({ renderHeaderCell, columnId }) => <DataGridHeaderCell className={cellClass(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<RowView>>
        {({ item, rowId }) => (
          <DataGridRow<RowView> key={rowId} selectionCell={{ checkboxIndicator: { 'aria-label': t.selectRow(`${item.customer}, ${item.start}`) } }}>
            {({ renderCell, columnId }) => <DataGridCell className={cellClass(columnId)}>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
});
