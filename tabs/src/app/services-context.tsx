import { createContext, type ReactNode, useContext } from 'react';
import type { Api } from '../http/api';

/** What pages need from outside React: the API and how to open a link (Teams or a new window). */
export interface Services {
  api: Api;
  openLink: (url: string) => void;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider(props: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const value = useContext(ServicesContext);
  if (!value) throw new Error('useServices outside ServicesProvider');
  return value;
}
