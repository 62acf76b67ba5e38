export type { Fold, StreamReader } from './stream-reader';
export { ASSOCIATE_FOLD, CAE_FOLD, ENTREPRENEUR_FOLD, SERIES_FOLD, type SeriesView } from './folds';
export { streamOf } from './event-streams';
export { handleCommand, streamsOf, type CommandStreams, type Handled } from './handle-command';
