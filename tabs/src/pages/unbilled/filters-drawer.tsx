import { Button, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer } from '@fluentui/react-components';
import { useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { activeFilterCount } from './active-filters';
import { UnbilledFilters, type UnbilledFiltersProps } from './unbilled-filters';

const useStyles = makeStyles({
  // The small drawer is 320 px: on the narrowest phones it takes the whole width instead of overflowing.
  drawer: { maxWidth: '100vw' },
  button: { alignSelf: 'flex-start' },
});

/**
 * Where the screen is narrow the filters fold into a drawer; its button says how many filters are on,
 * so a list that looks short explains itself. Filters apply as they change, as in the wide layout.
 */
export function FiltersDrawer(props: UnbilledFiltersProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(props.filter);
  return (
    <>
      <Button className={styles.button} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t.filtersButton(count === 0 ? null : formatNumber(count, locale.tag))}
      </Button>
      <OverlayDrawer className={styles.drawer} position="end" open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button appearance="subtle" onClick={() => setOpen(false)}>
                {t.close}
              </Button>
            }
          >
            {t.filtersLabel}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody>
          <UnbilledFilters {...props} stacked />
        </DrawerBody>
        <DrawerFooter>
          <Button appearance="primary" onClick={() => setOpen(false)}>
            {t.filtersDone}
          </Button>
        </DrawerFooter>
      </OverlayDrawer>
    </>
  );
}
