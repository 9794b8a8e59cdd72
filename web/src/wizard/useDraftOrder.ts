import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, type Finding } from '../api/client.ts';
import type { OrderView, PrecheckResult, SavedOrder } from '../api/types.ts';
import { mergeDrafts } from './merge.ts';
import { setAt } from './paths.ts';

type Draft = Record<string, unknown>;
/** The browser's copy: the draft as typed, and the server's draft and version it was typed on. */
type LocalCopy = { draft: Draft; base: Draft | null; version: number | null };
/**
 * `offline`: the network failed, retried; `failed`: the server failed (5xx), retried later; `refused`: the server
 * answered no (a 4xx, e.g. a field too long), not retried — shown at its field until the next edit saves;
 * `signedOut`: the session ended (the console sends the user to log in and back). In every case the local copy stays.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'failed' | 'refused' | 'signedOut';
/** Told to the user after the server's copy changed under them and both were merged. */
export type MergeNotice = { conflicts: string[] };

const NEW_KEY = 'openbeian.draft.new';
const keyFor = (id: string | undefined) => (id ? `openbeian.draft.${id}` : NEW_KEY);
export const EMPTY_SERVICE = { kind: 'website', domains: [{}], leader: 'subject_leader', access: { ips: [] } };
const EMPTY_DRAFT: Draft = { province: '', subject: {}, services: [EMPTY_SERVICE] };
const SAVE_DELAY_MS = 800;
const PRECHECK_DELAY_MS = 400;
const RETRY_MS = 5_000;
const SERVER_RETRY_MS = 30_000;

/** What a failed save means for the user, by the answer's status (0: no answer at all). */
export function saveStateOf(error: ApiError): SaveState {
  if (error.status === 0) return 'offline';
  if (error.status === 401) return 'signedOut';
  if (error.status >= 500) return 'failed';
  return 'refused';
}

/** A refused save's field problems as findings on draft paths ("draft.subject.name" → "subject.name"). */
export function refusalFindings(error: ApiError | null): Finding[] {
  if (!error) return [];
  return (error.details.fields ?? [])
    .filter((f) => /^(body\.)?draft(\.|\[|$)/.test(f.path))
    .map((f) => ({
      code: error.code,
      severity: 'error' as const,
      path: f.path.replace(/^(body\.)?draft\.?/, ''),
      message: f.message,
    }));
}

/** Whether the user typed anything at all: an order is created on the first save that holds something. */
export function holdsSomething(value: unknown, key = ''): boolean {
  if (typeof value === 'string') return value.trim() !== '' && !(key === 'kind' || key === 'leader');
  if (Array.isArray(value)) return value.some((item) => holdsSomething(item));
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => holdsSomething(v, k));
  return typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The wizard's state: the draft (mirrored to localStorage on every change, so a reload or a lost connection loses
 * nothing), saved to the server after a pause with If-Match, and pre-checked as the user types. When the server's
 * copy changed elsewhere (412), it is reloaded and merged field by field, and the user is told.
 */
export function useDraftOrder(orderId: string | undefined) {
  const [draft, setDraft] = useState<Draft>(() => readLocal(keyFor(orderId))?.draft ?? EMPTY_DRAFT);
  const [order, setOrder] = useState<OrderView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [precheck, setPrecheck] = useState<PrecheckResult | null>(null);
  const [checkedDraft, setCheckedDraft] = useState<Draft | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [mergeNotice, setMergeNotice] = useState<MergeNotice | null>(null);
  const [retryTick, setRetryTick] = useState(0);
  const version = useRef<number | null>(readLocal(keyFor(orderId))?.version ?? null);
  /** The draft as the server has it (at `version`): the base of a merge. */
  const serverDraft = useRef<Draft | null>(readLocal(keyFor(orderId))?.base ?? null);
  const latest = useRef(draft);
  const hadLocalCopy = useRef(readLocal(keyFor(orderId)) !== null);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const precheckSeq = useRef(0);
  latest.current = draft;

  const remember = useCallback(
    (next: Draft) => writeLocal(keyFor(orderId), { draft: next, base: serverDraft.current, version: version.current }),
    [orderId],
  );

  /** Takes the server's view; unsaved local typing is kept, merged over what changed on the server meanwhile. */
  const adopt = useCallback(
    (view: OrderView) => {
      setOrder(view);
      const local = readLocal(keyFor(orderId));
      const mine = dirty.current ? latest.current : local?.draft;
      const base = serverDraft.current ?? local?.base ?? null;
      const knownVersion = version.current ?? local?.version ?? null;
      version.current = view.version;
      serverDraft.current = view.draft;
      if (!mine || same(mine, view.draft)) {
        dirty.current = false;
        setDraft(view.draft);
        removeLocal(keyFor(orderId));
        return;
      }
      dirty.current = true;
      if (knownVersion === view.version || !base) {
        remember(mine);
        setDraft({ ...mine });
        return;
      }
      const { merged, conflicts } = mergeDrafts(base, mine, view.draft);
      setMergeNotice({ conflicts });
      remember(merged);
      setDraft(merged);
    },
    [orderId, remember],
  );

  const reload = useCallback(async () => {
    if (!orderId) return;
    try {
      adopt(await call('GET /api/v1/orders/{id}')<OrderView>({ params: { id: orderId } }));
      setLoadError(null);
    } catch (e) {
      // Offline or the session ended: the local copy stays on screen.
      setLoadError(e as ApiError);
    }
  }, [orderId, adopt]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const update = useCallback(
    (path: string, value: unknown) => {
      const next = setAt(latest.current, path, value);
      latest.current = next;
      dirty.current = true;
      remember(next);
      setDraft(next);
      setSaveState('idle');
    },
    [remember],
  );

  // Pre-check while typing; answers arriving out of order are dropped. An existing order is judged as submit will
  // judge it (its kind, what is filed, what is really uploaded, the face checks); a new one by the public pre-check.
  const verifiedFaces = order?.faceVerifications;
  useEffect(() => {
    const timer = setTimeout(() => {
      const seq = ++precheckSeq.current;
      const checked = orderId
        ? call('POST /api/v1/orders/{id}/precheck')<PrecheckResult>({ params: { id: orderId }, body: { draft } })
        : call('POST /api/v1/precheck')<PrecheckResult>({ body: { ...draft, materials: [] } });
      checked
        .then((result) => {
          if (seq !== precheckSeq.current) return;
          setPrecheck(result);
          setCheckedDraft(draft);
        })
        .catch(() => undefined);
    }, PRECHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, orderId, order?.materials, verifiedFaces]);

  // Save after a pause; one save at a time, since each needs the version the previous one produced.
  useEffect(() => {
    if (!orderId || !dirty.current || version.current === null) return;
    const timer = setTimeout(async () => {
      const previous = inFlight.current;
      let done: () => void = () => undefined;
      inFlight.current = new Promise<void>((resolve) => (done = resolve));
      await previous;
      const sent = latest.current;
      setSaveState('saving');
      try {
        const saved = await call('PUT /api/v1/orders/{id}')<SavedOrder>({
          params: { id: orderId },
          body: { draft: sent },
          headers: { 'if-match': String(version.current) },
        });
        version.current = saved.version;
        serverDraft.current = sent;
        setSaveError(null);
        setOrder((o) => (o ? { ...o, kind: saved.kind, version: saved.version } : o));
        // Typing may have gone on during the save: only then is the local copy still needed.
        if (same(latest.current, sent)) {
          dirty.current = false;
          removeLocal(keyFor(orderId));
          setSaveState('saved');
        } else remember(latest.current);
      } catch (e) {
        const error = e as ApiError;
        if (error.status === 412) await reload();
        else {
          // Only a lost connection or a failing server is worth retrying; a refusal waits for the user's next edit.
          const state = saveStateOf(error);
          setSaveState(state);
          setSaveError(error);
          if (state === 'offline') setTimeout(() => setRetryTick((n) => n + 1), RETRY_MS);
          if (state === 'failed') setTimeout(() => setRetryTick((n) => n + 1), SERVER_RETRY_MS);
        }
      } finally {
        done();
      }
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, orderId, retryTick, reload, remember]);

  useEffect(() => {
    const online = () => setRetryTick((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  /** Creates the order from what was typed on the first step; nothing is created for an empty draft. */
  async function create(): Promise<string | null> {
    if (!holdsSomething(draft)) return null;
    try {
      const created = await call('POST /api/v1/orders')<{ id: string }>({ body: { draft } });
      removeLocal(NEW_KEY);
      setSaveError(null);
      return created.id;
    } catch (e) {
      setSaveError(e as ApiError);
      setSaveState(saveStateOf(e as ApiError));
      throw e;
    }
  }

  const findings: Finding[] = precheck?.findings ?? [];
  /** Until the order arrives (or a local copy stands in for it) there is nothing safe to edit. */
  const isLoaded = !orderId || order !== null || loadError !== null || hadLocalCopy.current;
  /** The findings shown belong to the draft as it is now (not to an earlier keystroke). */
  const isChecked = checkedDraft === draft;
  return {
    draft,
    order,
    isLoaded,
    loadError,
    precheck,
    findings,
    isChecked,
    saveState,
    saveError,
    /** The refused save's problems, shown at their fields like the pre-check's. */
    refusals: refusalFindings(saveState === 'refused' ? saveError : null),
    mergeNotice,
    dismissMergeNotice: () => setMergeNotice(null),
    update,
    reload,
    create,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readLocal(key: string): LocalCopy | null {
  try {
    const text = localStorage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as LocalCopy | Draft;
    // Copies written before the base was kept hold the bare draft.
    return 'draft' in value && typeof value.draft === 'object'
      ? (value as LocalCopy)
      : { draft: value as Draft, base: null, version: null };
  } catch {
    return null;
  }
}

function writeLocal(key: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // storage full or disabled: the server copy is still saved
  }
}

function removeLocal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}
