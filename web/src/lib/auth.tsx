import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api';

export type Role = 'admin' | 'organizer' | 'unit_staff' | 'deputy' | 'zone_staff' | 'agent' | 'enterprise';

export interface Me {
  user: { id: string; username: string; displayName: string; role: Role; roleLabel: string; orgUnitId: string | null; orgUnitName: string | null };
  csrfToken: string;
  expiresAt: string;
  mustChangePassword: boolean;
  demo: boolean;
}

const MeContext = createContext<Me | null>(null);

export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api.get<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a logged-in page');
  return me;
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    await api.post('/api/auth/logout');
    setCsrfToken(null);
    qc.clear();
    window.location.assign('/login');
  };
}
