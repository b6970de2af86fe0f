/**
 * Model and scenario data as loaded from main, and every action that changes it.
 * Edits are applied immutably, then saved automatically (debounced ~500 ms, and
 * flushed when the window is hidden or closed), so nothing entered is lost and
 * there is no "unsaved" state for the user to manage.
 * Every save names the revision it was based on; when another tab or window saved
 * in between, main refuses it ('conflict') and the user chooses: keep this version
 * as a new scenario (or model), or load theirs. Nothing is overwritten silently.
 */
import { create } from 'zustand';
import type { ApiError, ModelRecord, ModelSummary, ScenarioRecord, ScenarioSummary } from '../../shared/api';
import { call, callResult, showApiError } from '../api/call';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { ONGEWIJZIGD_BELEID, startingScenario } from '../../shared/formats/starting';
import type { ValidationIssue } from '../../shared/formats/issues';
import { parseModel, parseScenario } from '../../shared/formats/validate';
import { changedPaths, describeChange, describeIssue } from '../../shared/formats/describe';
import { MODEL_HISTORY, activeHistory, scenarioHistory, useHistory } from './history';
import { useUi } from './ui';

export const SAVE_DELAY_MS = 500;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict' | 'read_only';

/** A save refused because the stored record moved on (another tab or window); waits for the user's choice. */
export interface SaveConflict {
  kind: 'scenario' | 'model';
  id: number;
  name: string;
  /** main's Dutch explanation */
  message: string;
  /** the dialog was closed without a choice (the save status offers to open it again) */
  dismissed?: boolean;
}

export interface DataState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  models: ModelSummary[];
  modelRecord?: ModelRecord;
  scenarios: ScenarioSummary[];
  currentId?: number;
  /** working copies of the scenarios loaded so far, by id */
  working: Record<number, Scenario>;
  /** the stored revision each working copy is based on, by scenario id (sent with every save) */
  revisions: Record<number, number>;
  conflict?: SaveConflict;
  saveState: SaveState;
  savedAt?: Date;
  /** The id of the scenario last deleted, for "Ongedaan maken". */
  lastDeleted?: { id: number; name: string };

  init(): Promise<void>;
  selectScenario(id: number): Promise<void>;
  ensureLoaded(ids: readonly number[]): Promise<void>;
  /** Applies an edit to the current scenario if it is valid; returns the issues otherwise. */
  editScenario(edit: (s: Scenario) => Scenario, mergeKey?: string): ValidationIssue[];
  /** Undoes the last edit of the history of the current view (the model's in Basismodel, else the scenario's). */
  undo(): void;
  redo(): void;
  /** Applies an edit to the model if it passes parseModel; returns the issues otherwise. */
  editModel(edit: (m: Model) => Model, alsoScenarios?: (s: Scenario) => Scenario, mergeKey?: string): ValidationIssue[];
  createScenario(name: string): Promise<number | undefined>;
  duplicateScenario(id: number, name: string): Promise<number | undefined>;
  renameScenario(id: number, name: string): ValidationIssue[];
  setDescription(id: number, description: string): ValidationIssue[];
  deleteScenario(id: number): Promise<void>;
  undeleteScenario(id: number): Promise<void>;
  restoreVersion(versionId: number): Promise<boolean>;
  reloadScenarios(): Promise<void>;
  replaceModelRecord(record: ModelRecord): Promise<void>;
  selectModel(id: number): Promise<void>;
  flush(): Promise<void>;
  /** Conflict choice: save this window's version as a new scenario (or model) and load theirs in its place. */
  keepMineAsNew(): Promise<void>;
  /** Conflict choice: drop this window's unsaved version and load the stored one. */
  loadTheirs(): Promise<void>;
  /** Closes or reopens the conflict dialog without choosing (nothing is saved meanwhile). */
  setConflictDismissed(dismissed: boolean): void;
}

const LAST_SCENARIO_KEY = 'jeugdplanner.laatsteScenario';

/** The scenario open before a reload or restart, so the user comes back where they were. */
function rememberedScenario(): number | undefined {
  try {
    const v = Number(globalThis.localStorage?.getItem(LAST_SCENARIO_KEY));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

function rememberScenario(id: number | undefined): void {
  try {
    if (id !== undefined) globalThis.localStorage?.setItem(LAST_SCENARIO_KEY, String(id));
  } catch {
    // private mode or no storage: only the convenience is lost
  }
}
/** Per record ('model', 'scenario:<id>'): the debounce timer, the one pending save job, and the chain of running saves. */
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const pendingJobs = new Map<string, () => Promise<boolean>>();
const chains = new Map<string, Promise<void>>();

/** The issues with messages in the controller's words (segment and field names, nl-NL numbers); the path stays. */
export function describeIssues(issues: readonly ValidationIssue[], model: Model): ValidationIssue[] {
  return issues.map((i) => ({ ...i, message: describeIssue(i, model) }));
}

/** A base-model undo step: the model and the scenarios the edit changed with it (a removed segment). */
interface ModelSnapshot {
  model: Model;
  scenarios: Record<number, Scenario>;
}

function scenarioKey(id: number): string {
  return `scenario:${id}`;
}

export const useData = create<DataState>()((set, get) => {
  // remember the open scenario whenever it changes
  queueMicrotask(() => useData.subscribe((s, prev) => s.currentId !== prev.currentId && rememberScenario(s.currentId)));
  function markPending() {
    if (get().saveState !== 'error' && get().saveState !== 'read_only') set({ saveState: 'pending' });
  }

  function settle() {
    if (get().conflict) set({ saveState: 'conflict' });
    else if (timers.size === 0 && chains.size === 0) set({ saveState: 'saved', savedAt: new Date() });
  }

  /** Runs saves for one key strictly in order, so an older save never overwrites a newer one. */
  function enqueue(key: string, task: () => Promise<boolean>) {
    const prev = chains.get(key) ?? Promise.resolve();
    const next = prev.then(async () => {
      set({ saveState: 'saving' });
      const ok = await task().catch(() => false);
      if (!ok)
        set({ saveState: get().conflict ? 'conflict' : get().saveState === 'read_only' ? 'read_only' : 'error' });
    });
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
      if (get().saveState !== 'error' && get().saveState !== 'read_only') settle();
    });
  }

  /** Hands the pending job of a record (if any) to its chain, exactly as it was scheduled. */
  function runPending(key: string) {
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.delete(key);
    const job = pendingJobs.get(key);
    pendingJobs.delete(key);
    if (job) enqueue(key, job);
  }

  /** Debounced save: one pending job per record, run SAVE_DELAY_MS after the last edit (or by flush()); saves of one record run in order. */
  function scheduleSave(key: string, job: () => Promise<boolean>) {
    const t = timers.get(key);
    if (t) clearTimeout(t);
    markPending();
    pendingJobs.set(key, job);
    timers.set(
      key,
      setTimeout(() => runPending(key), SAVE_DELAY_MS),
    );
  }

  /** Forgets a record's pending save (its conflict was resolved by loading the stored version). */
  function dropPending(key: string) {
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.delete(key);
    pendingJobs.delete(key);
  }

  function scheduleScenarioSave(id: number) {
    scheduleSave(scenarioKey(id), () => saveScenario(id));
  }

  /** A refused save: a conflict waits for the user's choice; any other error is shown. */
  function saveFailed(error: ApiError, kind: SaveConflict['kind'], id: number, name: string): false {
    if (error.code === 'conflict') set({ conflict: { kind, id, name, message: error.message }, saveState: 'conflict' });
    // read-only: the banner says why; the save status says that edits stay in this window only
    else if (error.code === 'read_only') set({ saveState: 'read_only' });
    else showApiError(error);
    return false;
  }

  async function saveScenario(id: number): Promise<boolean> {
    const s = get();
    const scenario = s.working[id];
    if (!scenario || !s.modelRecord) return true;
    // while a conflict about this scenario is open, nothing is sent (it would be refused again)
    if (s.conflict?.kind === 'scenario' && s.conflict.id === id) return false;
    const result = await callResult('scenarios.save', {
      id,
      revision: s.revisions[id],
      modelId: s.modelRecord.id,
      scenario,
    });
    if (!result.ok)
      return saveFailed(result.error, 'scenario', id, s.scenarios.find((x) => x.id === id)?.name ?? scenario.name);
    const saved = result.value;
    set({
      revisions: { ...get().revisions, [id]: saved.revision },
      scenarios: get().scenarios.map((x) =>
        x.id === id
          ? {
              ...x,
              name: saved.name,
              updatedAt: saved.updatedAt,
              revision: saved.revision,
              ...(saved.description !== undefined ? { description: saved.description } : {}),
            }
          : x,
      ),
    });
    if (get().saveState === 'error') set({ saveState: 'saving' });
    return true;
  }

  async function saveModel(): Promise<boolean> {
    const rec = get().modelRecord;
    if (!rec) return true;
    if (get().conflict?.kind === 'model') return false;
    const result = await callResult('models.save', { id: rec.id, revision: rec.revision, model: rec.model });
    if (!result.ok) return saveFailed(result.error, 'model', rec.id, rec.name);
    // keep our model object (identity drives memoisation); take the record's metadata (revision, updatedAt)
    set({ modelRecord: { ...result.value, model: get().modelRecord?.model ?? result.value.model } });
    return true;
  }

  function scheduleModelSave() {
    scheduleSave('model', saveModel);
  }

  function setWorking(id: number, scenario: Scenario) {
    set({ working: { ...get().working, [id]: scenario } });
    scheduleScenarioSave(id);
  }

  /** Undo or redo in the history of the current view. */
  function step(direction: 'undo' | 'redo') {
    const { currentId, working, modelRecord } = get();
    const key = activeHistory(useUi.getState().view, currentId);
    if (key === undefined) return;
    const history = useHistory.getState();
    const go = direction === 'undo' ? history.undo.bind(history) : history.redo.bind(history);
    if (key === MODEL_HISTORY) {
      if (!modelRecord) return;
      const snap = go<ModelSnapshot>(key, { model: modelRecord.model, scenarios: {} });
      if (!snap) return;
      // the scenarios the step touches go back too; their present state is what redo brings back
      const now: Record<number, Scenario> = {};
      for (const idText of Object.keys(snap.scenarios)) {
        const cur = working[Number(idText)];
        if (cur) now[Number(idText)] = cur;
      }
      replaceTopScenarios(key, direction, now);
      set({ modelRecord: { ...modelRecord, model: snap.model } });
      for (const [idText, sc] of Object.entries(snap.scenarios)) setWorking(Number(idText), sc);
      scheduleModelSave();
      return;
    }
    if (currentId === undefined || !working[currentId]) return;
    const snap = go<Scenario>(key, working[currentId]);
    if (snap) setWorking(currentId, snap);
  }

  /** After a model undo/redo: the step now on the other stack remembers the scenarios as they are now. */
  function replaceTopScenarios(key: string, direction: 'undo' | 'redo', scenarios: Record<number, Scenario>) {
    if (Object.keys(scenarios).length === 0) return;
    const stacks = useHistory.getState().stacks;
    const stack = stacks[key];
    if (!stack) return;
    if (direction === 'undo') {
      const [first, ...rest] = stack.future;
      if (!first) return;
      const snap = first.snap as ModelSnapshot;
      useHistory.setState({
        stacks: { ...stacks, [key]: { ...stack, future: [{ ...first, snap: { ...snap, scenarios } }, ...rest] } },
      });
    } else {
      const last = stack.past[stack.past.length - 1];
      if (!last) return;
      const snap = last.snap as ModelSnapshot;
      useHistory.setState({
        stacks: {
          ...stacks,
          [key]: { ...stack, past: [...stack.past.slice(0, -1), { ...last, snap: { ...snap, scenarios } }] },
        },
      });
    }
  }

  /** Takes a record from main as the working copy, with the revision it is at. */
  function setLoaded(rec: ScenarioRecord) {
    set({
      working: { ...get().working, [rec.id]: rec.scenario },
      revisions: { ...get().revisions, [rec.id]: rec.revision },
    });
  }

  async function loadScenario(id: number): Promise<Scenario | undefined> {
    const have = get().working[id];
    if (have) return have;
    const rec = await call('scenarios.get', { id });
    if (!rec) return undefined;
    setLoaded(rec);
    return rec.scenario;
  }

  /** Replaces this window's copy of a scenario by the stored one; its unsaved edit and undo history go. */
  async function loadTheirsScenario(id: number): Promise<boolean> {
    const theirs = await call('scenarios.get', { id });
    if (!theirs) return false;
    dropPending(scenarioKey(id));
    useHistory.getState().clear(scenarioHistory(id));
    setLoaded(theirs);
    return true;
  }

  return {
    status: 'idle',
    models: [],
    scenarios: [],
    working: {},
    revisions: {},
    saveState: 'saved',

    async init() {
      set({ status: 'loading' });
      try {
        const models = await call('models.list', {});
        if (!models) throw new Error('De modellen konden niet worden geladen.');
        set({ models });
        const first = models[0];
        if (!first) {
          set({
            status: 'error',
            loadError: 'Er is nog geen model in de database. Importeer een model (JSON) via "Importeren…".',
          });
          return;
        }
        const record = await call('models.get', { id: first.id });
        if (!record) throw new Error(`Model ${first.name} kon niet worden geladen.`);
        set({ modelRecord: record });
        await get().reloadScenarios();
        const list = get().scenarios;
        const last = rememberedScenario();
        const preferred =
          list.find((s) => s.id === last) ?? list.find((s) => /ongewijzigd beleid/i.test(s.name)) ?? list[0];
        if (preferred) await get().selectScenario(preferred.id);
        else {
          const id = await get().createScenario('Ongewijzigd beleid');
          if (id === undefined) throw new Error('Er kon geen scenario worden aangemaakt.');
        }
        set({ status: 'ready' });
      } catch (e) {
        set({ status: 'error', loadError: e instanceof Error ? e.message : String(e) });
      }
    },

    async reloadScenarios() {
      const rec = get().modelRecord;
      if (!rec) return;
      const list = await call('scenarios.list', { modelId: rec.id });
      if (list) set({ scenarios: list });
    },

    async selectScenario(id) {
      const scenario = await loadScenario(id);
      if (scenario) set({ currentId: id });
    },

    async ensureLoaded(ids) {
      await Promise.all(ids.map((id) => loadScenario(id)));
    },

    editScenario(edit, mergeKey) {
      const { currentId, working, modelRecord } = get();
      if (currentId === undefined || !modelRecord) return [];
      const before = working[currentId];
      if (!before) return [];
      const candidate = edit(before);
      if (candidate === before) return [];
      const parsed = parseScenario(candidate, modelRecord.model);
      if (!parsed.ok) return describeIssues(parsed.issues, modelRecord.model);
      const key = scenarioHistory(currentId);
      useHistory.getState().record(key, before, mergeKey, describeChange(before, candidate, modelRecord.model));
      useHistory.getState().dropIfUnchanged(key, candidate, sameContent);
      // keep the candidate (not parsed.value): same content, and its identity is what we just built
      setWorking(currentId, candidate);
      return [];
    },

    undo() {
      step('undo');
    },

    redo() {
      step('redo');
    },

    editModel(edit, alsoScenarios, mergeKey) {
      const rec = get().modelRecord;
      if (!rec) return [];
      const candidate = edit(rec.model);
      if (candidate === rec.model) return [];
      const parsed = parseModel(candidate);
      if (!parsed.ok) return describeIssues(parsed.issues, rec.model);
      const changed: Record<number, Scenario> = {};
      const updates: [number, Scenario][] = [];
      if (alsoScenarios) {
        for (const [idText, s] of Object.entries(get().working)) {
          const next = alsoScenarios(s);
          if (next !== s) {
            changed[Number(idText)] = s;
            updates.push([Number(idText), next]);
          }
        }
      }
      const before: ModelSnapshot = { model: rec.model, scenarios: changed };
      useHistory
        .getState()
        .record(
          MODEL_HISTORY,
          before,
          mergeKey ?? modelMergeKey(rec.model, candidate),
          describeChange(rec.model, candidate, candidate),
        );
      useHistory
        .getState()
        .dropIfUnchanged(
          MODEL_HISTORY,
          { model: candidate, scenarios: {} },
          (a, b) =>
            sameContent((a as ModelSnapshot).model, (b as ModelSnapshot).model) &&
            Object.keys((a as ModelSnapshot).scenarios).length === 0,
        );
      set({ modelRecord: { ...rec, model: candidate } });
      useUi.getState().trackModel(rec.id, rec.model, candidate);
      for (const [id, next] of updates) setWorking(id, next);
      scheduleModelSave();
      return [];
    },

    async createScenario(name) {
      const rec = get().modelRecord;
      if (!rec) return undefined;
      // A new scenario starts from Ongewijzigd beleid's assumptions, never from an unindexed, empty one.
      const refId = get().scenarios.find((s) => s.name.trim().toLowerCase() === ONGEWIJZIGD_BELEID.toLowerCase())?.id;
      const reference = refId === undefined ? undefined : await loadScenario(refId);
      const created = await call('scenarios.save', {
        modelId: rec.id,
        scenario: startingScenario(rec.model, name, reference),
      });
      if (!created) return undefined;
      setLoaded(created);
      await get().reloadScenarios();
      set({ currentId: created.id });
      return created.id;
    },

    async duplicateScenario(id, name) {
      await get().flush();
      const copy = await call('scenarios.duplicate', { id, name });
      if (!copy) return undefined;
      setLoaded(copy);
      await get().reloadScenarios();
      set({ currentId: copy.id });
      return copy.id;
    },

    renameScenario(id, name) {
      const s = get().working[id];
      const rec = get().modelRecord;
      if (!s || !rec) return [];
      const candidate = { ...s, name };
      const parsed = parseScenario(candidate, rec.model);
      if (!parsed.ok) return describeIssues(parsed.issues, rec.model);
      setWorking(id, candidate);
      set({ scenarios: get().scenarios.map((x) => (x.id === id ? { ...x, name: name.trim() } : x)) });
      return [];
    },

    setDescription(id, description) {
      const s = get().working[id];
      const rec = get().modelRecord;
      if (!s || !rec) return [];
      const candidate: Scenario = { ...s };
      if (description === '') delete candidate.description;
      else candidate.description = description;
      const parsed = parseScenario(candidate, rec.model);
      if (!parsed.ok) return describeIssues(parsed.issues, rec.model);
      setWorking(id, candidate);
      return [];
    },

    async deleteScenario(id) {
      await get().flush();
      const name = get().scenarios.find((s) => s.id === id)?.name ?? '';
      const done = await call('scenarios.delete', { id });
      if (!done) return;
      set({ lastDeleted: { id, name } });
      await get().reloadScenarios();
      if (get().currentId === id) {
        const other = get().scenarios[0];
        if (other) await get().selectScenario(other.id);
        else set({ currentId: undefined });
      }
      const ui = useUi.getState();
      if (ui.compareIds.includes(id))
        ui.setCompare(
          ui.compareIds.filter((x) => x !== id),
          ui.referenceId,
        );
    },

    async undeleteScenario(id) {
      const rec = await call('scenarios.undelete', { id });
      if (!rec) return;
      setLoaded(rec);
      set({ lastDeleted: undefined, currentId: id });
      await get().reloadScenarios();
    },

    async restoreVersion(versionId) {
      await get().flush();
      const rec = await call('versions.restore', { id: versionId });
      if (!rec) return false;
      const current = get().working[rec.id];
      if (current)
        useHistory.getState().record(scenarioHistory(rec.id), current, undefined, 'terugzetten van een eerdere versie');
      setLoaded(rec);
      set({ currentId: rec.id });
      await get().reloadScenarios();
      return true;
    },

    async replaceModelRecord(record) {
      useHistory.getState().clearAll();
      set({ modelRecord: record, working: {}, revisions: {}, currentId: undefined, scenarios: [] });
      const models = await call('models.list', {});
      if (models) set({ models });
      await get().reloadScenarios();
      const first = get().scenarios[0];
      if (first) await get().selectScenario(first.id);
      else await get().createScenario('Ongewijzigd beleid');
    },

    async selectModel(id) {
      await get().flush();
      const record = await call('models.get', { id });
      if (record) await get().replaceModelRecord(record);
    },

    async flush() {
      // the pending jobs run as they were scheduled: one code path for a save, debounced or flushed
      for (const key of [...pendingJobs.keys()]) runPending(key);
      await Promise.all([...chains.values()]);
    },

    async keepMineAsNew() {
      const c = get().conflict;
      const rec = get().modelRecord;
      if (!c || !rec) return;
      if (c.kind === 'scenario') {
        const mine = get().working[c.id];
        if (!mine) return;
        const created = await call('scenarios.save', {
          modelId: rec.id,
          scenario: { ...mine, name: copyName(mine.name) },
        });
        if (!created) return;
        setLoaded(created);
        await loadTheirsScenario(c.id);
        set({ conflict: undefined, currentId: created.id });
        await get().reloadScenarios();
      } else {
        const created = await call('models.save', { model: { ...rec.model, name: copyName(rec.model.name) } });
        if (!created) return;
        dropPending('model');
        set({ conflict: undefined });
        await get().flush();
        await get().replaceModelRecord(created);
      }
      settle();
    },

    async loadTheirs() {
      const c = get().conflict;
      if (!c) return;
      if (c.kind === 'scenario') {
        if (!(await loadTheirsScenario(c.id))) return;
        set({ conflict: undefined });
        await get().reloadScenarios();
      } else {
        const theirs = await call('models.get', { id: c.id });
        if (!theirs) return;
        dropPending('model');
        set({ conflict: undefined });
        await get().flush();
        await get().replaceModelRecord(theirs);
      }
      settle();
    },

    setConflictDismissed(dismissed) {
      const c = get().conflict;
      if (c) set({ conflict: { ...c, dismissed } });
    },
  };
});

/** Equal content (edits share structure, so this only walks what differs). */
function sameContent(a: unknown, b: unknown): boolean {
  return changedPaths(a, b, 1).length === 0;
}

/** Fast edits of one model field merge into one undo step (typing "2,5"), like scenario fields. */
function modelMergeKey(before: Model, after: Model): string | undefined {
  const paths = changedPaths(before, after, 2);
  return paths.length === 1 ? `model:${paths[0]}` : undefined;
}

/** "Plan (mijn versie)": the name of this window's version kept next to theirs. */
function copyName(name: string): string {
  return `${name.slice(0, 180)} (mijn versie)`;
}

/** Current scenario and model, or undefined while loading. */
export function useCurrent(): { model: Model; scenario: Scenario; id: number } | undefined {
  const model = useData((s) => s.modelRecord?.model);
  const id = useData((s) => s.currentId);
  const scenario = useData((s) => (s.currentId !== undefined ? s.working[s.currentId] : undefined));
  if (!model || !scenario || id === undefined) return undefined;
  return { model, scenario, id };
}

/** Saves pending edits when the window is hidden or closed: at most the last moment is lost. */
export function installFlushOnLeave(): () => void {
  const flush = () => void useData.getState().flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('beforeunload', flush);
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('beforeunload', flush);
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
