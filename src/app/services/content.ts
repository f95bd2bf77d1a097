/**
 * Content for the screens: the built-in content of a kind in a language, with the help point's
 * own file for that kind (`/local-catalogue.json`, `/local-lessons.json`) applied on top. The
 * help point's file is fetched again (network first, through the service worker) on every
 * load, its last good copy kept in storage, and how its last fetch went is kept for the staff
 * notice. Every loader is its own chunk, so content loads with the section that shows it.
 */
import type { KeptCopy } from '../../db/local-data';
import type { LoadedCatalogue } from '../../features/anvanda/catalogue/load-catalogue';
import type { LocalCatalogue } from '../../features/anvanda/catalogue/local-catalogue';
import type { LoadedLessons } from '../../features/lara/lessons/load-lessons';
import type { LocalLessons } from '../../features/lara/lessons/local-lessons';
import type { LoadedItems } from '../../features/testa/items/load-items';
import type { HelpPointSettings } from '../../lib/help-point-settings';
import type { KioskConfig } from '../../lib/kiosk-config';
import type { LocalContentLoad, LocalContentSources } from '../../lib/local-content';
import type { LanguageCode } from '../../protocol/vocabulary';
import type { StorageService } from './storage';

export interface ContentOfKind {
  /** Använda's errand catalogue, with the municipality's local catalogue merged in. */
  catalogue: LoadedCatalogue;
  /** Lära's lessons, with the help point's own lessons merged in. */
  lessons: LoadedLessons;
  /** Testa's items that the help point has, in its order. */
  'testa-items': LoadedItems;
}
export type ContentKind = keyof ContentOfKind;

export type LoadContent = <K extends ContentKind>(
  kind: K,
  language: LanguageCode,
) => Promise<ContentOfKind[K]>;

/** The kinds a help point can extend with its own file. */
export type LocalContentKind = 'catalogue' | 'lessons';

/** How the last fetch of each local file went (null before the first); for the staff notice. */
export type LocalContentStatus = Record<
  LocalContentKind,
  LocalContentLoad<unknown>['status'] | null
>;

export interface ContentService {
  load: LoadContent;
  /** Fetches every local file once; at start-up, so staff see a refused file at once. */
  checkLocalFiles(): Promise<void>;
  localStatus(): LocalContentStatus;
  subscribeLocalStatus(listener: () => void): () => void;
}

type LastGoodStorage = Pick<LocalContentSources, 'readLastGood' | 'saveLastGood'>;

/** A kind the help point can extend: built-in content plus its own, and how to fetch its own. */
interface ExtensibleContent<T, Local> {
  load(language: LanguageCode, local: Local | null): Promise<T>;
  fetchLocal(
    storage: LastGoodStorage,
    source?: () => Promise<unknown>,
  ): Promise<LocalContentLoad<Local>>;
}

const EXTENSIBLE = {
  catalogue: async (): Promise<ExtensibleContent<LoadedCatalogue, LocalCatalogue>> => {
    const module = await import('../../features/anvanda/catalogue/load-catalogue');
    return { load: module.loadCatalogue, fetchLocal: module.refreshLocalCatalogue };
  },
  lessons: async (): Promise<ExtensibleContent<LoadedLessons, LocalLessons>> => {
    const module = await import('../../features/lara/lessons/load-lessons');
    return { load: module.loadLessons, fetchLocal: module.refreshLocalLessons };
  },
};

const KEPT_COPY: Readonly<Record<LocalContentKind, KeptCopy>> = {
  catalogue: 'local-catalogue',
  lessons: 'local-lessons',
};

export function createContentService(
  storage: StorageService,
  config: KioskConfig,
  settings: HelpPointSettings | null = null,
): ContentService {
  // An enrolled device takes its local content from the collector's settings, not the files.
  const SETTINGS_SOURCE: Record<LocalContentKind, (() => Promise<unknown>) | undefined> = {
    catalogue: settings ? async () => settings.localCatalogue ?? null : undefined,
    lessons: settings ? async () => settings.localLessons ?? null : undefined,
  };

  let status: LocalContentStatus = { catalogue: null, lessons: null };
  const listeners = new Set<() => void>();

  /** The help point's own file of this kind, or its last good copy, or null. */
  const fetchLocal = async <Local>(
    kind: LocalContentKind,
    content: Pick<ExtensibleContent<unknown, Local>, 'fetchLocal'>,
  ): Promise<Local | null> => {
    // Without storage the file still applies; only its last good copy is not kept.
    const data = await storage.open().catch(() => null);
    const result = await content.fetchLocal(
      {
        readLastGood: async () => data?.lastGoodCopy(KEPT_COPY[kind]),
        saveLastGood: async (copy) => data?.saveLastGoodCopy(KEPT_COPY[kind], copy),
      },
      SETTINGS_SOURCE[kind],
    );
    if (result.status === 'refused') console.error(`local ${kind} refused: ${result.reason}`);
    status = { ...status, [kind]: result.status };
    listeners.forEach((listener) => listener());
    return result.content;
  };

  const extended =
    <T, Local>(kind: LocalContentKind, loader: () => Promise<ExtensibleContent<T, Local>>) =>
    async (language: LanguageCode): Promise<T> => {
      const content = await loader();
      return content.load(language, await fetchLocal(kind, content));
    };

  const loaders: { [K in ContentKind]: (language: LanguageCode) => Promise<ContentOfKind[K]> } = {
    catalogue: extended('catalogue', EXTENSIBLE.catalogue),
    lessons: extended('lessons', EXTENSIBLE.lessons),
    'testa-items': async (language) => {
      const module = await import('../../features/testa/items/load-items');
      return module.loadItems(language, config.testaItems);
    },
  };

  return {
    load: (kind, language) => loaders[kind](language),
    async checkLocalFiles() {
      await Promise.all([
        EXTENSIBLE.catalogue().then((content) => fetchLocal('catalogue', content)),
        EXTENSIBLE.lessons().then((content) => fetchLocal('lessons', content)),
      ]);
    },
    localStatus: () => status,
    subscribeLocalStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
