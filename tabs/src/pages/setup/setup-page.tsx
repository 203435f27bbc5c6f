import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { SetupResponse } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { WhoIsAdmin } from './who-is-admin';
import { useLoad } from '../../app/use-load';
import { useDebounced } from '../../app/use-debounced';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { asApiError } from '../../http/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { CardPreview } from './card-preview';
import { ConnectionTest } from './connection-test';
import type { ConversationChoices } from './conversation-picker';
import { type FieldErrors, type FieldPath, fieldErrorsFromServer, type FormValues, formValues, mergePatch, validate } from './setup-form';
import { type Choices, SetupField } from './setup-field';
import { SyncPanel } from './sync-panel';
import { LookupStatus } from './lookup-field';
import { useSetupTables } from './use-setup-tables';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  // Up to 280 px a column; a field's own content (a select's longest option) must not widen its column past the page.
  section: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    '& > *': { minWidth: 0 },
    '& .fui-Select': { minWidth: 0 },
    '& .fui-Input': { minWidth: 0 },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const SECTIONS: {
  title:
    | 'sectionConnection'
    | 'sectionSync'
    | 'sectionTemplates'
    | 'sectionInvoicing'
    | 'sectionNoShowFee'
    | 'sectionSummary'
    | 'sectionOverdue'
    | 'sectionAutoInvoice'
    | 'sectionRoles';
  fields: FieldPath[];
}[] = [
  { title: 'sectionConnection', fields: ['businessId', 'companyId', 'pricesIncludeVat'] },
  { title: 'sectionSync', fields: ['syncCustomers', 'syncServices', 'syncIntervalMinutes', 'lookBackDays', 'overlapDays'] },
  {
    title: 'sectionTemplates',
    fields: [
      'customerTemplate.type',
      'customerTemplate.paymentTermsId',
      'customerTemplate.currencyCode',
      'customerTemplate.taxAreaId',
      'customerTemplate.taxLiable',
      'customerTemplate.shipmentMethodId',
      'customerTemplate.paymentMethodId',
      'itemTemplate.baseUnitOfMeasureCode',
      'itemTemplate.taxGroupCode',
      'itemTemplate.generalProductPostingGroupCode',
      'itemTemplate.itemCategoryCode',
    ],
  },
  { title: 'sectionInvoicing', fields: ['invoiceGrouping', 'addZeroLinesForFree'] },
  {
    title: 'sectionNoShowFee',
    fields: [
      'noShowFee.enabled',
      'noShowFee.itemId',
      'noShowFee.rule.kind',
      'noShowFee.rule.amountMinor',
      'noShowFee.rule.percent',
      'noShowFee.lateCancellationHours',
      'noShowFee.perService',
    ],
  },
  {
    title: 'sectionSummary',
    fields: ['dailySummary.enabled', 'dailySummary.time', 'dailySummary.timeZone', 'dailySummary.postWhenEmpty', 'dailySummary.conversationIds'],
  },
  { title: 'sectionOverdue', fields: ['overdueCard.enabled', 'overdueCard.day', 'overdueCard.time'] },
  { title: 'sectionAutoInvoice', fields: ['autoInvoice.enabled', 'autoInvoice.frequency', 'autoInvoice.day', 'autoInvoice.time'] },
  { title: 'sectionRoles', fields: ['roles.admins', 'roles.invoicers'] },
];

/** The fee's settings only while fees are on, and of its rule only the kind chosen. */
function visibleFields(fields: FieldPath[], values: FormValues): FieldPath[] {
  return fields.filter((path) => {
    if (!path.startsWith('noShowFee.') || path === 'noShowFee.enabled') return true;
    if (values['noShowFee.enabled'] !== true) return false;
    if (path === 'noShowFee.rule.amountMinor') return values['noShowFee.rule.kind'] === 'fixed';
    if (path === 'noShowFee.rule.percent') return values['noShowFee.rule.kind'] === 'percent';
    return true;
  });
}

type Notice = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'conflict' } | { kind: 'error'; message: string } | null;

export function SetupPage(props: { pollMs?: number; previewDelayMs?: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale } = useI18n();
  const loaded = useLoad(() => api.setup(), 'setup');
  const [stored, setStored] = useState<SetupResponse | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  const [businesses, setBusinesses] = useState<Choices>({ kind: 'loading' });
  const [companies, setCompanies] = useState<Choices>({ kind: 'loading' });
  const [conversations, setConversations] = useState<ConversationChoices>({ kind: 'loading' });

  useEffect(() => {
    if (!loaded.data) return;
    setStored(loaded.data);
    setValues(formValues(loaded.data.setup));
    setTouched(new Set());
    setServerErrors({});
  }, [loaded.data]);

  useEffect(() => {
    api.businesses().then(
      (r) => setBusinesses({ kind: 'loaded', choices: r.businesses.map((b) => ({ id: b.id, label: b.displayName ? `${b.displayName} (${b.id})` : b.id })) }),
      (e: unknown) => setBusinesses({ kind: 'failed', message: asApiError(e).message }),
    );
    api.companies().then(
      (r) => setCompanies({ kind: 'loaded', choices: r.companies.map((c) => ({ id: c.id, label: c.displayName || c.name })) }),
      (e: unknown) => setCompanies({ kind: 'failed', message: asApiError(e).message }),
    );
    api.conversations().then(
      (r) => setConversations({ kind: 'loaded', conversations: r.conversations }),
      (e: unknown) => setConversations({ kind: 'failed', message: asApiError(e).message }),
    );
  }, [api]);

  const formCompanyId = typeof values?.companyId === 'string' && values.companyId !== '' ? values.companyId : null;
  const tables = useSetupTables(api, formCompanyId);

  // The fee amount is typed in the company's local currency (the one its invoices are in).
  const money = useMemo(() => ({ currency: tables.kind === 'loaded' ? tables.tables.localCurrency || null : null }), [tables]);
  const localErrors = useMemo(() => (values ? validate(values, t, money) : {}), [values, t, money]);
  const errorFor = (path: FieldPath) => serverErrors[path] ?? (touched.has(path) ? localErrors[path] : undefined);

  // The server draws the bot's own card for the time zone in the form (saved or not), in the reader's language.
  const timeZone = typeof values?.['dailySummary.timeZone'] === 'string' ? values['dailySummary.timeZone'] : 'Europe/Copenhagen';
  const catalog = useLoad(() => api.catalog(), 'catalog');
  const services = useMemo(() => (catalog.data?.services ?? []).map((s) => ({ id: s.id, label: s.displayName })), [catalog.data]);
  // Asked once typing pauses; a change of language asks at once.
  const previewTimeZone = useDebounced(timeZone.trim(), props.previewDelayMs ?? 400);
  const preview = useLoad(() => api.cardPreview({ timeZone: previewTimeZone, language: locale.language }), `${previewTimeZone}|${locale.language}`);
  const previewError = preview.error ? t.cardPreviewFailed(preview.error.fields['timeZone'] ?? preview.error.message) : null;

  if (loaded.error && !values) return <ErrorState message={loaded.error.message} onRetry={loaded.reload} />;
  if (!values || !stored) return <LoadingState />;

  const change = (path: FieldPath, value: string | boolean) => {
    setValues((v) => (v ? { ...v, [path]: value } : v));
    setTouched((s) => new Set([...s, path]));
    setServerErrors(({ [path]: _, ...rest }) => rest);
    setNotice(null);
  };

  const save = async () => {
    if (Object.keys(localErrors).length > 0) {
      setTouched(new Set(Object.keys(localErrors)));
      setNotice({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.patchSetup(mergePatch(formValues(stored.setup, money), values, money), stored.version);
      setStored(saved);
      setValues(formValues(saved.setup, money));
      setTouched(new Set());
      setNotice({ kind: 'saved' });
    } catch (e) {
      const error = asApiError(e);
      if (error.reason === 'conflict') setNotice({ kind: 'conflict' });
      else if (Object.keys(error.fields).length > 0) {
        setServerErrors(fieldErrorsFromServer(error.fields));
        setNotice({ kind: 'invalid' });
      } else setNotice({ kind: 'error', message: error.reason === 'forbidden' ? t.setupForbidden : error.message });
    } finally {
      setSaving(false);
    }
  };

  const companyId = typeof values.companyId === 'string' && values.companyId !== '' ? values.companyId : null;
  return (
    <div className={styles.root}>
      <Title3 as="h1">{t.setupTitle}</Title3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label={t.setupTitle}
      >
        {SECTIONS.map((section) => (
          <fieldset key={section.title} style={{ border: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalL}` }}>
            <legend>
              <Subtitle2>{t[section.title]}</Subtitle2>
            </legend>
            {section.title === 'sectionTemplates' && <Caption1 as="p">{t.templatesNote}</Caption1>}
            {section.title === 'sectionTemplates' && <LookupStatus tables={tables} />}
            {section.title === 'sectionRoles' && <WhoIsAdmin />}
            {section.title === 'sectionNoShowFee' && <Caption1 as="p">{t.feeNote}</Caption1>}
            <div className={styles.section}>
              {visibleFields(section.fields, values).map((path) => (
                <SetupField
                  key={path}
                  path={path}
                  value={values[path]}
                  error={errorFor(path)}
                  onChange={change}
                  businesses={businesses}
                  companies={companies}
                  conversations={conversations}
                  tables={tables}
                  services={services}
                  currency={money.currency}
                />
              ))}
            </div>
          </fieldset>
        ))}
        {notice?.kind === 'conflict' && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t.setupConflict}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={loaded.reload}>{t.setupReload}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {notice?.kind === 'invalid' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t.setupInvalid}</MessageBarBody>
          </MessageBar>
        )}
        {notice?.kind === 'error' && <ErrorState message={notice.message} />}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {t.setupSave}
          </Button>
          {notice?.kind === 'saved' && <Body1 role="status">{t.setupSaved}</Body1>}
        </div>
      </form>
      <ConnectionTest companyId={companyId} />
      <SyncPanel pollMs={props.pollMs} />
      <CardPreview
        title={t.cardPreviewTitle}
        note={preview.loading ? t.cardPreviewLoading : t.cardPreviewNote}
        card={previewError === null ? preview.data : null}
        error={previewError}
      />
    </div>
  );
}
