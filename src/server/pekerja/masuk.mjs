// Entry of a document worker thread. The server runs its TypeScript sources through tsx, either
// registered for the whole process (`node --import tsx`, the tests) or only for the imports of
// bin/sikiper.js (`tsImport`, `npm start`); a new thread has neither, so it loads the worker
// module through tsx's API itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pekerja.ts', import.meta.url);
