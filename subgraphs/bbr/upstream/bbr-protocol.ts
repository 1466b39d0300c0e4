import type { PointInTime } from '../../kit/point-in-time';
import type { BbrCondition, BbrPage, BbrResource } from './bbr-record';

/** What one upstream call asks for: a page of one entity, filtered, at one point in time. */
export interface BbrPageQuery {
  resource: BbrResource;
  /** Every condition must hold. */
  where: readonly BbrCondition[];
  /** Sent upstream on both axes: the service answers for this instant, not with full history. */
  at: PointInTime;
  /** The upstream's cursor of the page; null for the first. */
  after: string | null;
  pageSize: number;
}

/** An HTTP request as the protocol builds it; its URL may carry a credential, so it is never logged. */
export interface BbrHttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** One way of speaking to Datafordeleren's BBR: its GraphQL service or its REST service. */
export interface BbrProtocol {
  readonly kind: 'graphql' | 'rest';
  /** The request for one page; `bearer` is the OAuth access token when one is used. */
  buildRequest(query: BbrPageQuery, bearer: string | null): BbrHttpRequest;
  /** The page in a 2xx response's parsed body, or null when the body is not that shape. */
  parsePage(query: BbrPageQuery, body: unknown): BbrPage | null;
}
