import fastifyView from '@fastify/view';
import fp from 'fastify-plugin';
import Handlebars from 'handlebars';

export interface ViewsOptions {
  /** Folder holding the templates (copied next to the bundle on build). */
  readonly root: string;
}

/** Handlebars templates, compiled once at start: a missing template fails the boot, not a page. */
export default fp<ViewsOptions>(
  async (app, options) => {
    await app.register(fastifyView, {
      // A private instance, so partials registered here never leak into other users of handlebars.
      engine: { handlebars: Handlebars.create() },
      root: options.root,
      production: true,
      options: {
        // An indented `{{> partial}}` would otherwise indent every line of its output, the lines
        // of a multi-line message (a stack trace) included.
        compileOptions: { preventIndent: true },
        partials: {
          layout: 'partials/layout.hbs',
          'filter-bar': 'partials/filter-bar.hbs',
          results: 'partials/results.hbs',
          'log-row': 'partials/log-row.hbs',
          'error-panel': 'partials/error-panel.hbs',
          histogram: 'partials/histogram.hbs',
          facets: 'partials/facets.hbs',
          'dashboard-panels': 'partials/dashboard-panels.hbs',
          'alerts-table': 'partials/alerts-table.hbs',
          stats: 'partials/stats.hbs',
          'field-list': 'partials/field-list.hbs',
          'field-stats': 'partials/field-stats.hbs',
          'save-search': 'partials/save-search.hbs',
          'pattern-template': 'partials/pattern-template.hbs',
          sparkline: 'partials/sparkline.hbs',
          'stats-lines': 'partials/stats-lines.hbs',
          'stats-cells': 'partials/stats-cells.hbs',
        },
      },
    });
  },
  { name: 'views' },
);
