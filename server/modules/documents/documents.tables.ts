/**
 * Row types of the documents module (公文): the document-number registry (发文字号登记簿). Conventions as
 * everywhere: text ids, ISO instants, 0/1 booleans.
 */

/** The next serial of one (prefix, year): the row every allocation locks, so two instances never hand out one number twice. */
export interface DocNumberCounterTable {
  id: string;
  prefix: string;
  year: number;
  next_serial: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One number of the registry. Unique per (prefix, year, serial); a voided number stays, so it is never used again. */
export interface DocNumberTable {
  id: string;
  prefix: string;
  year: number;
  serial: number;
  /** The canonical form, e.g. 高工信发〔2024〕37号. */
  number_text: string;
  /** 'allocated' | 'reserved' | 'voided' | 'manual' */
  state: string;
  /** State before it was voided (for the record). */
  voided_from: string | null;
  /** Title of the document the number was given to. */
  title: string | null;
  /** What the number is for: 'reply' (with ref_id = reply id) or null for other documents. */
  ref_type: string | null;
  ref_id: string | null;
  /** The unit whose number it is (its doc_prefix), when known. */
  org_unit_id: string | null;
  note: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  voided_by: string | null;
  voided_by_name: string | null;
  voided_at: string | null;
  version: number;
  updated_at: string;
}

export interface DocumentTables {
  doc_number_counter: DocNumberCounterTable;
  doc_number: DocNumberTable;
}
