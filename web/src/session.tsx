import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { call, SESSION_ENDED } from './api/client.ts';
import type { Health, Role, User } from './api/types.ts';

type Session = {
  user: User | null;
  isLoading: boolean;
  /** The platform's mode: 'demo' and 'test' have the simulator and the dev outbox. */
  mode: string | null;
  /** Server time minus browser time: demo mode runs on a virtual clock that can be far ahead. */
  clockOffsetMs: number;
  /** Set when a call found the session gone; the login page says so. */
  hasExpired: boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
};
const Context = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [mode, setMode] = useState<string | null>(null);
  const [clockOffsetMs, setClockOffset] = useState(0);
  const [hasExpired, setExpired] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setUser(await call('GET /api/v1/auth/me')<User>({}));
      setExpired(false);
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
    const sentAt = Date.now();
    call('GET /api/v1/health')<Health>({})
      .then((health) => {
        setMode(health.mode);
        setClockOffset(Date.parse(health.time) - (sentAt + Date.now()) / 2);
      })
      .catch(() => undefined);
  }, [refresh]);
  useEffect(() => {
    const ended = () => {
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);
  const logout = async () => {
    await call('POST /api/v1/auth/logout')({}).catch(() => undefined);
    setUser(null);
  };
  return (
    <Context.Provider value={{ user, isLoading, mode, clockOffsetMs, hasExpired, refresh, logout }}>
      {children}
    </Context.Provider>
  );
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const isReviewer = (role: Role | undefined) => role === 'reviewer' || role === 'admin';
export const canSeeDashboard = (role: Role | undefined) =>
  role === 'reviewer' || role === 'admin' || role === 'compliance';
export const hasDevTools = (mode: string | null) => mode === 'demo' || mode === 'test';

/** Where each role starts after logging in. */
export const landing = (role: Role) =>
  role === 'applicant' ? '/orders' : role === 'compliance' ? '/dashboard' : role === 'butler' ? '/butler' : '/review';
