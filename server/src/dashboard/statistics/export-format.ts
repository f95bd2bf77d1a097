/**
 * Tables out as files: Excel-CSV (what Excel with Swedish settings opens straight away:
 * semicolons, UTF-8 with a byte-order mark, CRLF), plain RFC 4180 CSV, or JSON; and the
 * RFC 4180 reader the round-trip tests use.
 */
import type { ExportFormat } from '../../../../src/protocol/dashboard';

export type Cell = string | number;
export interface Table {
  columns: string[];
  rows: Cell[][];
}

const BOM = '\uFEFF';

function quote(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Excel runs a cell that starts with = + - @ as a formula; a help point name could. The
 * Excel file gets a leading apostrophe there (Excel shows the text as typed); plain CSV and
 * JSON keep the value exactly.
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(table: Table, format: 'csv' | 'csv-excel'): string {
  const excel = format === 'csv-excel';
  const separator = excel ? ';' : ',';
  const line = (cells: Cell[]) =>
    cells
      .map((cell) => {
        // Swedish Excel reads 1.5 as a date or text: it wants a decimal comma.
        if (typeof cell === 'number') return excel ? String(cell).replace('.', ',') : String(cell);
        return quote(excel ? neutralise(cell) : cell, separator);
      })
      .join(separator);
  const body = [table.columns, ...table.rows].map(line).join('\r\n') + '\r\n';
  return excel ? BOM + body : body;
}

/** Reads RFC 4180 text (either separator; a leading BOM is dropped) into rows of strings. */
export function parseCsv(text: string, separator = ','): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i] as string;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && input[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export interface FileAnswer {
  contentType: string;
  filename: string;
  body: string;
}

/** The file for a table (csv formats) or for `json` (the json format). */
export function exportFile(
  format: ExportFormat,
  name: string,
  table: Table,
  json: unknown,
): FileAnswer {
  if (format === 'json')
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `${name}.json`,
      body: JSON.stringify(json, null, 2),
    };
  return {
    contentType:
      format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'text/csv; charset=utf-8',
    filename: `${name}${format === 'csv-excel' ? '-excel' : ''}.csv`,
    body: toCsv(table, format),
  };
}
