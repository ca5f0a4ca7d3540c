/** Shapes of the suggestion tools' API (search, similar, publication, statistics, import), from the server's schemas. */
import type { z } from 'zod';
import type * as Search from '../../../../server/modules/suggestions/search/search.schemas';
import type * as Pub from '../../../../server/modules/suggestions/publication/publication.schemas';
import type * as Stats from '../../../../server/modules/suggestions/stats/stats.schemas';
import type * as Xlsx from '../../../../server/modules/suggestions/xlsx/xlsx.schemas';

export type SearchResult = z.infer<typeof Search.SearchResult>;
export type SearchItem = SearchResult['items'][number];
export type Segment = z.infer<typeof Search.Segment>;
export type SimilarResult = z.infer<typeof Search.SimilarResult>;
export type SimilarItem = SimilarResult['items'][number];

export type PublicationList = z.infer<typeof Pub.PublicationList>;
export type PublicationSummary = z.infer<typeof Pub.PublicationSummary>;
export type PublicationReview = z.infer<typeof Pub.PublicationReview>;
export type ReviewField = PublicationReview['fields'][number];
export type ReviewFinding = ReviewField['findings'][number];
export type DecisionsBody = z.input<typeof Pub.DecisionsBody>;

export type StatsReport = z.infer<typeof Stats.StatsReportView>;
export type StatsRow = z.infer<typeof Stats.StatsRowView>;

export type ImportReport = z.infer<typeof Xlsx.ImportReportView>;
