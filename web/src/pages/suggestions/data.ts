import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import type { Deputy, OrgUnit, RuleSet, Session, SuggestionDetail, SuggestionEvent } from './types';

/** Query keys of the suggestion pages: every mutation refreshes `['suggestions']`, which covers them all. */
export const keys = {
  all: ['suggestions'] as const,
  detail: (id: string) => ['suggestions', 'detail', id] as const,
  events: (id: string) => ['suggestions', 'events', id] as const,
  list: (params: object) => ['suggestions', 'list', params] as const,
  inbox: (state: string) => ['suggestions', 'inbox', state] as const,
  dashboard: (sessionId?: string) => ['suggestions', 'dashboard', sessionId ?? ''] as const,
  sessions: ['suggestions', 'sessions'] as const,
  ruleSets: ['suggestions', 'rule-sets'] as const,
  deputies: ['suggestions', 'deputies'] as const,
  me: ['suggestions', 'deputy-me'] as const,
};

export const useSuggestion = (id: string) =>
  useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<SuggestionDetail>(`/api/suggestions/${id}`) });

export const useEvents = (id: string) =>
  useQuery({ queryKey: keys.events(id), queryFn: () => api.get<SuggestionEvent[]>(`/api/suggestions/${id}/events`) });

export const useSessions = () => useQuery({ queryKey: keys.sessions, queryFn: () => api.get<Session[]>('/api/congress-sessions'), staleTime: 60_000 });

export const useRuleSets = (enabled = true) =>
  useQuery({ queryKey: keys.ruleSets, queryFn: () => api.get<RuleSet[]>('/api/rule-sets'), staleTime: 60_000, enabled });

export const useDeputies = (enabled = true) =>
  useQuery({ queryKey: keys.deputies, queryFn: () => api.get<Deputy[]>(`/api/deputies${qs({})}`), staleTime: 60_000, enabled });

/** Units that can be given a suggestion to handle (not the organizers' own offices, not enterprises). */
const HANDLING_KINDS = new Set(['bureau', 'zone', 'company', 'office', 'other']);

export const useOrgUnits = () =>
  useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgUnit[]>('/api/org-units'), staleTime: 5 * 60_000 });

export function useHandlingUnits() {
  const q = useOrgUnits();
  return { ...q, data: q.data?.filter((o) => HANDLING_KINDS.has(o.kind)) };
}

export const unitOptions = (units: OrgUnit[] | undefined) => (units ?? []).map((u) => ({ value: u.id, label: u.name }));
