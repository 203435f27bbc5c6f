import { createContext, type ReactNode, useContext } from 'react';
import { systemClock, type Clock } from '../../../service/domain/clock';

/** Where the tab reads "now" (which day is yesterday, say): the browser's time unless a provider says otherwise, as tests do. */
const ClockContext = createContext<Clock>(systemClock);

export function ClockProvider(props: { clock: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={props.clock}>{props.children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  return useContext(ClockContext);
}
