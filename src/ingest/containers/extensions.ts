/**
 * Files read by what their bytes hold, whatever their name: EIDB and Trade Map save HTML pages as
 * ".xls" (EIDB's as ".asp" too), a workbook may come renamed, archives hold tables of their own.
 */
export const CONTAINER_EXTENSIONS: ReadonlySet<string> = new Set([
  '.xls',
  '.xlsx',
  '.xlsm',
  '.html',
  '.htm',
  '.asp',
  '.zip',
  '.gz',
]);
