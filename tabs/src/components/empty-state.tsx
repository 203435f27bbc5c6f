import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
  },
});

export function EmptyState(props: { title: string; hint?: string; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Body1>{props.title}</Body1>
      {props.hint && <Caption1>{props.hint}</Caption1>}
      {props.action}
    </div>
  );
}
