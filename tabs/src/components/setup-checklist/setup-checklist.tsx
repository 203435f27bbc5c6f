import { Body1, Button, Caption1, Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services-context';
import { useI18n } from '../../i18n/i18n-context';
import { type ChecklistItem, checklistItems } from './checklist-items';
import { CHECKLIST_MESSAGES } from './checklist-messages';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** Shown above the Unbilled list while Bookings, Business Central or the roles are not set up; gone once all are. */
export function SetupChecklist(props: { onOpenSetup: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const { locale } = useI18n();
  const text = CHECKLIST_MESSAGES[locale.language];
  const [items, setItems] = useState<ChecklistItem[] | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.setup(), api.syncRuns(10)]).then(
      ([setup, runs]) => live && setItems(checklistItems(setup.setup, runs.runs)),
      // A reader may not see the setup: then there is nothing this checklist can tell them.
      () => live && setItems(null),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (items === null || items.every((i) => i.done)) return null;
  return (
    <Card className={styles.card} role="region" aria-label={text.title}>
      <CardHeader header={<Subtitle2 as="h2">{text.title}</Subtitle2>} description={<Caption1>{text.intro}</Caption1>} />
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item}>
            <span role="img" className={item.done ? styles.done : undefined} aria-label={item.done ? text.done : text.todo}>
              {item.done ? '✓' : '○'}
            </span>
            <div>
              <Body1>{text.items[item.id].label}</Body1>
              {!item.done && <Caption1 block>{text.items[item.id].hint}</Caption1>}
            </div>
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" onClick={props.onOpenSetup}>
          {text.openSetup}
        </Button>
      </div>
    </Card>
  );
}
