import { Button, Caption1, Link, makeStyles, Title3, Toast, Toaster, ToastTitle, tokens, useId, useToastController } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { preloadable } from '../../app/preloadable';
import { DayChart } from '../../components/day-chart';
import { EmptyState } from '../../components/empty-state';
import { ExportButton } from '../../components/export-button';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { RunProgress } from '../../components/run-progress';
import { SummaryBar } from '../../components/summary-bar';
import { asApiError } from '../../http/api-error';
import { formatNumber, formatTotals, sumMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { LinkFixProvider } from './link-fix';
import {
  EMPTY_FILTER,
  type Filter,
  type GridState,
  initialGridState,
  linkQuery,
  pageCount,
  type SortChoice,
  type SortKey,
  toQuery,
  withFilter,
  withNextPage,
  withPage,
  withSort,
} from './filter-state';
import { catalogLabels, mergeOptions, pickerOptions, serviceOptions, staffOptions } from './known-options';
import { appointmentLabel, rowView } from './row-view';
import { RunFlow, type RunFlowState } from './run-flow';
import {
  applyPageSelection,
  isSelected,
  NOTHING_SELECTED,
  selectAllMatching,
  selectedAmounts,
  selectedCount,
  type SelectionModel,
  toSelection,
  withCurrentAmounts,
} from './selection';
import { SyncStatus } from './sync-status';
import { SyncWatch, type SyncWatchState } from './sync-watch';
import { UnbilledFilters } from './unbilled-filters';
import { UnbilledGrid } from './unbilled-grid';
import { useNarrow } from '../../app/use-media-query';
import { withSortChoice } from './list-sort';
import { UnbilledList } from './unbilled-list';

/*
 * What the first rows do not show loads as chunks of its own: the invoice preview and a run's result
 * (asked for once the first rows are shown, so a click does not wait for them) and the narrow layout's
 * filter drawer (when that layout is first shown).
 */
const previewDialog = preloadable(() => import('../../components/preview-dialog').then((m) => m.PreviewDialog));
const runResult = preloadable(() => import('../../components/run-result').then((m) => m.RunResultView));
const PreviewDialog = previewDialog.Component;
const RunResultView = runResult.Component;
const FiltersDrawer = lazy(() => import('./filters-drawer').then((m) => ({ default: m.FiltersDrawer })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, ':focus': { outlineStyle: 'none' } },
  title: { overflowWrap: 'anywhere' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grid: { overflowX: 'auto' },
  panel: { padding: tokens.spacingVerticalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

export interface UnbilledPageProps {
  initialFilter?: Partial<Filter>;
  initialSort?: Partial<SortChoice>;
  /** The page's query string for what is shown (filter dates, customer, sort), each time it changes. */
  onLinkChange?: (query: string) => void;
  pageSize?: number;
  /** How often a running invoice run or sync is asked for its progress. */
  pollMs?: number;
  onOpenSetup?: () => void;
  /**
   * False while the business's time zone is still being read: the page asks for its data meanwhile
   * but shows no time (nor a row) until it can show it in the business's zone. Default true.
   */
  timeZoneKnown?: boolean;
}

export function UnbilledPage(props: UnbilledPageProps) {
  const styles = useStyles();
  const { api, openLink } = useServices();
  const { t, locale, timeZone } = useI18n();
  const [grid, setGrid] = useState<GridState>(() => initialGridState(props.initialFilter, props.pageSize, props.initialSort));
  const [selection, setSelection] = useState<SelectionModel>(NOTHING_SELECTED);
  const [flow, setFlow] = useState<RunFlowState>({ phase: 'idle' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [seenServices, setSeenServices] = useState<ReadonlyMap<string, string>>(new Map());
  const [seenStaff, setSeenStaff] = useState<ReadonlyMap<string, string>>(new Map());
  const [sync, setSync] = useState<SyncWatchState>({ phase: 'checking' });
  // A phone, a side panel or a tablet: stacked rows, a sort menu, the filters in a drawer.
  const narrow = useNarrow();

  const query = toQuery(grid);
  const link = linkQuery(grid);
  const onLinkChange = props.onLinkChange;
  useEffect(() => {
    onLinkChange?.(link);
  }, [link, onLinkChange]);
  const loaded = useLoad(() => api.unbilled(query), JSON.stringify(query));
  const data = loaded.data;
  // Names for ids and the pickers' lists; until it answers (or if it fails) the grid shows ids.
  const catalogLoad = useLoad(() => api.catalog(), 'catalog');
  const catalog = catalogLoad.data;
  const serviceNames = useMemo(() => catalogLabels(catalog?.services ?? []), [catalog]);
  const staffNames = useMemo(() => catalogLabels(catalog?.staffMembers ?? []), [catalog]);

  const reloadRef = useRef(loaded.reload);
  reloadRef.current = loaded.reload;
  const runFlow = useMemo(
    () =>
      new RunFlow({
        api,
        onChange: setFlow,
        pollMs: props.pollMs ?? 1000,
        onSettled: (run) => {
          // What a finished run took is claimed or invoiced now: selecting it again could only fail.
          if (run.finished) setSelection(NOTHING_SELECTED);
          reloadRef.current();
        },
      }),
    [api, props.pollMs],
  );
  useEffect(() => () => runFlow.cancel(), [runFlow]);

  const reloadCatalogRef = useRef(catalogLoad.reload);
  reloadCatalogRef.current = catalogLoad.reload;
  // A fresh install syncs at once: what the page first loaded may be empty until that sync ends.
  const syncWatch = useMemo(
    () =>
      new SyncWatch({
        api,
        onChange: setSync,
        pollMs: props.pollMs ?? 1000,
        onSynced: () => {
          reloadRef.current();
          reloadCatalogRef.current();
        },
      }),
    [api, props.pollMs],
  );
  useEffect(() => {
    void syncWatch.start();
    return () => syncWatch.stop();
  }, [syncWatch]);

  // Rows seen on any page, so that the preview can name what it skips (a stale selection).
  const seenRows = useRef(new Map<string, string>());
  const timeZoneKnown = props.timeZoneKnown ?? true;
  useEffect(() => {
    // A row's label names its time: only in the business's zone.
    if (!data) return;
    setSelection((s) => withCurrentAmounts(s, data.rows));
    if (!timeZoneKnown) return;
    for (const r of data.rows) seenRows.current.set(r.id, appointmentLabel(r, locale.tag, timeZone, t));
    setSeenServices((known) => mergeOptions(known, data.rows, serviceOptions));
    setSeenStaff((known) => mergeOptions(known, data.rows, staffOptions));
  }, [data, timeZoneKnown]);

  const hasData = data !== null;
  // The year's chart (some 365 bars, each formatted four ways) is drawn in a render after the rows'.
  const chartDays = useDeferredValue(data?.byDay ?? null, null);
  useEffect(() => {
    if (!hasData) return;
    // Once rows are shown: the Invoice buttons' dialog and result are ready before they are clicked.
    const later = setTimeout(() => void Promise.all([previewDialog.preload(), runResult.preload()]).catch(() => undefined), 0);
    return () => clearTimeout(later);
  }, [hasData]);

  const rows = useMemo(() => (data ? data.rows.map((r) => rowView(r, t, locale.tag, timeZone, staffNames)) : []), [data, t, locale.tag, timeZone, staffNames]);
  const checked = useMemo(() => new Set((data?.rows ?? []).filter((r) => isSelected(selection, r.id)).map((r) => r.id)), [data, selection]);

  const changeFilter = useCallback((change: Partial<Filter>) => {
    setGrid((g) => withFilter(g, change));
    // A filter selection would silently change meaning; ids stay what the user ticked.
    setSelection((s) => (s.kind === 'filter' ? NOTHING_SELECTED : s));
  }, []);

  const toasterId = useId('unbilled-toaster');
  /** Where focus goes when a toast it was in goes away. */
  const pageRef = useRef<HTMLDivElement>(null);
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  // Fluent ignores a toast whose id is still on screen or leaving it: each toast gets an id of its own,
  // so excluding a row again right after Undo still offers Undo.
  const toastCount = useRef(0);
  const newToastId = (what: string) => `${what}-${++toastCount.current}`;

  const changeAppointment = async (id: string, action: 'exclude' | 'include', offerUndo = true) => {
    setBusyId(id);
    setActionError(null);
    try {
      await (action === 'exclude' ? api.exclude(id) : api.include(id));
      setSelection((s) => applyPageSelection(s, [{ id, amount: null }], new Set()));
      loaded.reload();
      const what = seenRows.current.get(id) ?? t.unknownAppointment;
      const toastId = newToastId(`${action}-${id}`);
      const undo = () => {
        // Focus leaves the toast before it goes, so it is not lost with it (the page's focus
        // management would otherwise keep treating the toast as where the user is).
        pageRef.current?.focus();
        dismissToast(toastId);
        void changeAppointment(id, action === 'exclude' ? 'include' : 'exclude', false);
      };
      // A click that hides a row is undone where it was made, for a while.
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              offerUndo ? (
                <Link as="button" onClick={undo}>
                  {t.undo}
                </Link>
              ) : undefined
            }
          >
            {action === 'exclude' ? t.excludedToast(what) : t.includedToast(what)}
          </ToastTitle>
        </Toast>,
        // Undo must not run out under the pointer or while the person looks at another window.
        { toastId, intent: 'success', timeout: 10_000, pauseOnHover: true, pauseOnWindowBlur: true },
      );
    } catch (e) {
      setActionError(asApiError(e).message);
    } finally {
      setBusyId(null);
    }
  };

  /** Marks a row as a no-show or takes the mark back; the row stays listed, so the toast only says what happened. */
  const changeNoShow = async (id: string, noShow: boolean, offerUndo = true) => {
    setBusyId(id);
    setActionError(null);
    try {
      await (noShow ? api.markNoShow(id) : api.attended(id));
      loaded.reload();
      const what = seenRows.current.get(id) ?? t.unknownAppointment;
      const toastId = newToastId(`no-show-${String(noShow)}-${id}`);
      const undo = () => {
        pageRef.current?.focus();
        dismissToast(toastId);
        void changeNoShow(id, !noShow, false);
      };
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              offerUndo ? (
                <Link as="button" onClick={undo}>
                  {t.undo}
                </Link>
              ) : undefined
            }
          >
            {noShow ? t.noShowToast(what) : t.attendedToast(what)}
          </ToastTitle>
        </Toast>,
        { toastId, intent: 'success', timeout: 10_000, pauseOnHover: true, pauseOnWindowBlur: true },
      );
    } catch (e) {
      setActionError(asApiError(e).message);
    } finally {
      setBusyId(null);
    }
  };

  const setPrice = async (id: string, minor: number, currency: string) => {
    setBusyId(id);
    setActionError(null);
    try {
      await api.setPrice(id, { minor, currency });
      loaded.reload();
      dispatchToast(
        <Toast>
          <ToastTitle>{t.priceSaved(seenRows.current.get(id) ?? t.unknownAppointment)}</ToastTitle>
        </Toast>,
        { intent: 'success' },
      );
    } catch (e) {
      setActionError(asApiError(e).message);
    } finally {
      setBusyId(null);
    }
  };

  const n = (v: number) => formatNumber(v, locale.tag);
  const filterCount = data?.totals.count ?? 0;
  const selectionText =
    selectedCount(selection, filterCount) === 0
      ? t.selectionNone
      : t.selectionSummary(
          n(selectedCount(selection, filterCount)),
          formatTotals(selection.kind === 'filter' ? (data?.totals.amounts ?? []) : sumMoney(selectedAmounts(selection)), locale.tag),
        );
  const filterText = t.filterSummary(n(filterCount), formatTotals(data?.totals.amounts ?? [], locale.tag));
  const selected = toSelection(selection, grid.filter);
  const pages = pageCount(data?.total ?? 0, grid.pageSize);
  const running = flow.phase === 'previewing' || flow.phase === 'preview' || flow.phase === 'running';
  const syncing = sync.phase === 'starting' || sync.phase === 'active';
  const syncNowButton = (
    <Button appearance="primary" onClick={() => void syncWatch.syncNow()}>
      {t.syncNow}
    </Button>
  );
  const emptyState = syncing ? (
    <EmptyState title={t.emptyWhileSyncing} />
  ) : sync.phase === 'never' ? (
    <EmptyState title={t.emptyNeverSynced} hint={t.emptyNeverSyncedHint} action={syncNowButton} />
  ) : (
    <EmptyState title={t.emptyUnbilled} hint={t.emptyUnbilledHint} />
  );

  const linked = (message: string) => {
    loaded.reload();
    dispatchToast(
      <Toast>
        <ToastTitle>{message}</ToastTitle>
      </Toast>,
      { intent: 'success' },
    );
  };
  const filterProps = {
    filter: grid.filter,
    services: pickerOptions(serviceNames, seenServices),
    staff: pickerOptions(staffNames, seenStaff),
    onChange: changeFilter,
    onClear: () => changeFilter(EMPTY_FILTER),
  };
  // The grid and list re-render only when their rows, ticks or busy row change, not with each of the
  // page's other states (loading, the summary, the options seen): the handlers they get stay the same.
  const latest = useRef({ data, stale: loaded.stale, changeAppointment, changeNoShow, setPrice });
  latest.current = { data, stale: loaded.stale, changeAppointment, changeNoShow, setPrice };
  // Rows of the last page, filter or sort, on screen until the next answers, are not what the page
  // names: ticking them (a row click reaches here too, not only the disabled boxes) would select rows
  // the person cannot see once it does.
  const onRowsSelected = useCallback((ids: Set<string>) => {
    if (latest.current.stale) return;
    const rows = (latest.current.data?.rows ?? []).map((r) => ({ id: r.id, amount: r.amount }));
    setSelection((s) => applyPageSelection(s, rows, ids));
  }, []);
  const onExclude = useCallback((id: string) => void latest.current.changeAppointment(id, 'exclude'), []);
  const onInclude = useCallback((id: string) => void latest.current.changeAppointment(id, 'include'), []);
  const onNoShow = useCallback((id: string, noShow: boolean) => void latest.current.changeNoShow(id, noShow), []);
  const onSetPrice = useCallback((id: string, minor: number, currency: string) => void latest.current.setPrice(id, minor, currency), []);
  const onSort = useCallback((key: SortKey) => setGrid((g) => withSort(g, key)), []);
  const onSortChoice = useCallback((value: string) => setGrid((g) => withSortChoice(g, value)), []);

  if (!timeZoneKnown) return <LoadingState />;
  return (
    <LinkFixProvider onLinked={linked}>
      <div className={styles.root} ref={pageRef} tabIndex={-1}>
        <Title3 as="h1" className={styles.title}>
          {t.unbilledTitle}
        </Title3>
        <Toaster toasterId={toasterId} position="bottom-end" />
        {narrow ? (
          <Suspense fallback={null}>
            <FiltersDrawer {...filterProps} />
          </Suspense>
        ) : (
          <UnbilledFilters {...filterProps} />
        )}
        <SyncStatus state={sync} onSyncNow={() => void syncWatch.syncNow()} onRetry={() => void syncWatch.start()} onOpenSetup={props.onOpenSetup} />
        <SummaryBar selection={selectionText} filter={filterText} />
        <div className={styles.bar}>
          <Button appearance="primary" disabled={!selected || running} onClick={() => selected && void runFlow.preview(selected)}>
            {t.invoiceSelected}
          </Button>
          <Button
            disabled={filterCount === 0 || running}
            onClick={() => void runFlow.preview(toSelection(selectAllMatching(), grid.filter) ?? { kind: 'filter' })}
          >
            {t.invoiceAll}
          </Button>
          {selection.kind === 'filter' ? (
            <>
              <Caption1>{t.allMatchingSelected(n(filterCount))}</Caption1>
              <Link as="button" onClick={() => setSelection(NOTHING_SELECTED)}>
                {t.clearSelection}
              </Link>
            </>
          ) : (
            <>
              {data && !loaded.stale && filterCount > checked.size && checked.size === data.rows.length && checked.size > 0 && (
                <Link as="button" onClick={() => setSelection(selectAllMatching())}>
                  {t.selectAllMatching(n(filterCount))}
                </Link>
              )}
              {selection.rows.size > 0 && (
                <Link as="button" onClick={() => setSelection(NOTHING_SELECTED)}>
                  {t.clearSelection}
                </Link>
              )}
            </>
          )}
          <ExportButton request={{ kind: 'unbilled', query }} what={t.unbilledTitle} />
        </div>
        {(flow.phase === 'running' || flow.phase === 'done' || flow.phase === 'error') && (
          <div className={styles.panel}>
            {flow.phase === 'running' && <RunProgress run={flow.run} />}
            {flow.phase === 'done' && (
              <Suspense fallback={<LoadingState />}>
                <RunResultView run={flow.run} openLink={openLink} onRetry={(id) => void runFlow.retry(id)} />
              </Suspense>
            )}
            {flow.phase === 'error' && <ErrorState message={flow.error.message} />}
            {flow.phase !== 'running' && (
              <Button appearance="subtle" onClick={() => runFlow.cancel()}>
                {t.close}
              </Button>
            )}
          </div>
        )}
        {actionError && <ErrorState message={actionError} />}
        {loaded.error && <ErrorState message={loaded.error.message} onRetry={loaded.reload} />}
        {!data && loaded.loading && <LoadingState />}
        {data && data.rows.length === 0 && emptyState}
        {data && data.rows.length > 0 && narrow && (
          <div aria-busy={loaded.loading}>
            <UnbilledList
              rows={rows}
              selected={checked}
              onSelectionChange={onRowsSelected}
              sort={grid.sort}
              direction={grid.direction}
              onSortChoice={onSortChoice}
              onExclude={onExclude}
              onInclude={onInclude}
              onNoShow={onNoShow}
              onSetPrice={onSetPrice}
              busyId={busyId}
              stale={loaded.stale}
            />
          </div>
        )}
        {data && data.rows.length > 0 && !narrow && (
          <div className={styles.grid} aria-busy={loaded.loading}>
            <UnbilledGrid
              rows={rows}
              selected={checked}
              onSelectionChange={onRowsSelected}
              sort={grid.sort}
              direction={grid.direction}
              onSort={onSort}
              onExclude={onExclude}
              onInclude={onInclude}
              onNoShow={onNoShow}
              onSetPrice={onSetPrice}
              busyId={busyId}
              stale={loaded.stale}
            />
          </div>
        )}
        {data && data.total > grid.pageSize && (
          <nav className={styles.bar} aria-label={t.pageOf(n(grid.page + 1), n(pages))}>
            <Button disabled={grid.page === 0} onClick={() => setGrid((g) => withPage(g, g.page - 1, data.total))}>
              {t.previousPage}
            </Button>
            <Caption1>{t.pageOf(n(grid.page + 1), n(pages))}</Caption1>
            <Button disabled={grid.page >= pages - 1} onClick={() => setGrid((g) => withNextPage(g, data))}>
              {t.nextPage}
            </Button>
          </nav>
        )}
        {data && chartDays && <DayChart days={chartDays} />}
        {(flow.phase === 'previewing' || flow.phase === 'preview') && (
          <Suspense fallback={<LoadingState />}>
            <PreviewDialog
              preview={flow.phase === 'preview' ? flow.preview : null}
              describe={(id) => seenRows.current.get(id) ?? t.unknownAppointment}
              onConfirm={(afterCreate) => void runFlow.confirm(afterCreate)}
              onCancel={() => runFlow.cancel()}
            />
          </Suspense>
        )}
      </div>
    </LinkFixProvider>
  );
}
