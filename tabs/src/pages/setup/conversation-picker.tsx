import { Caption1, Checkbox, Field, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Fragment, useId } from 'react';
import type { ConversationsResponse } from '../../../../contract/api-contract';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ALL_CONVERSATIONS } from './setup-form';

export type ConversationOption = ConversationsResponse['conversations'][number];

/** The installed conversations once loaded, or why they could not be. */
export type ConversationChoices = { kind: 'loading' } | { kind: 'loaded'; conversations: readonly ConversationOption[] } | { kind: 'failed'; message: string };

export interface ConversationPickerProps {
  label: string;
  /** The form's value: 'all', or the chosen ids one a line. */
  value: string;
  error: string | undefined;
  choices: ConversationChoices;
  onChange: (value: string) => void;
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalXXL },
  lastPost: { paddingLeft: tokens.spacingHorizontalXXL },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const idsOf = (value: string) => value.split('\n').filter((id) => id !== '');

/** Every installed conversation, or a checked list of them; ids saved earlier but no longer installed stay listed so they are not dropped unseen. */
export function ConversationPicker(props: ConversationPickerProps) {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const listLabel = useId();
  const all = props.value.trim() === ALL_CONVERSATIONS;
  const chosen = all ? [] : idsOf(props.value);
  const loaded = props.choices.kind === 'loaded' ? props.choices.conversations : [];
  const unknown = chosen.filter((id) => !loaded.some((c) => c.id === id)).map((id) => ({ id, name: id, lastPost: null }));
  const options = [...loaded, ...unknown];

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...chosen, id] : chosen.filter((c) => c !== id);
    props.onChange(
      options
        .filter((o) => next.includes(o.id))
        .map((o) => o.id)
        .join('\n'),
    );
  };

  // The list stays outside the Field: a Field gives its own control id to every control inside it.
  return (
    <div>
      <Field label={props.label} validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
        <RadioGroup value={all ? 'all' : 'some'} onChange={(_, d) => props.onChange(d.value === 'all' ? ALL_CONVERSATIONS : '')}>
          <Radio value="all" label={t.summaryToAll} />
          <Radio value="some" label={<span id={listLabel}>{t.summaryToSome}</span>} />
        </RadioGroup>
      </Field>
      <div role="group" aria-labelledby={listLabel} className={styles.list}>
        {options.map((o) => (
          <Fragment key={o.id}>
            <Checkbox label={o.name} checked={chosen.includes(o.id)} disabled={all} onChange={(_, d) => toggle(o.id, d.checked === true)} />
            {o.lastPost && (
              <Caption1 className={mergeClasses(styles.lastPost, o.lastPost.error !== null && styles.failed)}>
                {o.lastPost.error === null
                  ? t.summaryLastPosted(formatDateTime(o.lastPost.at, locale.tag, timeZone))
                  : t.summaryLastFailed(formatDateTime(o.lastPost.at, locale.tag, timeZone), o.lastPost.error)}
              </Caption1>
            )}
          </Fragment>
        ))}
        {props.choices.kind === 'loaded' && options.length === 0 && <Caption1>{t.summaryNoConversations}</Caption1>}
        {props.choices.kind === 'failed' && <Caption1 role="alert">{t.summaryConversationsFailed(props.choices.message)}</Caption1>}
      </div>
    </div>
  );
}
