/** TED: Search API v3 (request, response → Notice[]), notice XML address, and the ted.europa.eu page source. */
export {
  buildTedSearchRequest,
  DEFAULT_TED_FIELDS,
  fetchTedNoticeXml,
  searchTed,
  TED_SEARCH_URL,
  tedQueryForProcedure,
  tedQueryForPublication,
  tedQueryForWatch,
  TedSearchParamsSchema,
  type FetchLike,
  type TedSearchParams,
  type TedSearchRequest,
} from './search-api';
export { fieldStrings, parseTedSearchPage, parseTedSearchResult, tedSearchNoticeToNotice, type TedSearchPage } from './search-result';
export { publicationNumberFromUrl, tedPageSource } from './page-source';
export { tedNoticePageUrl, tedNoticeXmlUrl } from './urls';
