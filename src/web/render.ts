// Server-rendered views: eta templates in views/, auto-escaping every `<%= %>` value, compiled
// once and cached. Views receive plain objects (view models); they never query anything.
import path from 'node:path';
import { Eta } from 'eta';
import { projectRoot } from '../../config/env.ts';
import type { Assets } from './assets.ts';

/** What every page's layout needs besides its own model. */
export type PageMeta = {
  title: string;
  description?: string;
  /** Which top navigation item is current. */
  nav: 'board' | 'jobs' | 'articles' | 'sources' | 'preferences' | null;
  /** Alternate formats of this page (its feeds), absolute or root-relative. */
  alternates?: Array<{ type: string; title: string; href: string }>;
  canonical?: string;
  noindex?: boolean;
  /** Reload the page after this many seconds (a run in progress), without any script. */
  refreshSeconds?: number;
};

export type Renderer = { page(view: string, meta: PageMeta, model: object): string };

/** A renderer over the project's views; `cache: false` re-reads templates (development). */
export function createRenderer(assets: Assets, options: { cache: boolean }): Renderer {
  const eta = new Eta({
    views: path.join(projectRoot, 'views'),
    cache: options.cache,
    autoEscape: true,
    autoTrim: [false, 'nl'],
  });
  return {
    page(view, meta, model) {
      return eta.render(`./pages/${view}`, { ...model, meta, assets: assets.urls });
    },
  };
}
