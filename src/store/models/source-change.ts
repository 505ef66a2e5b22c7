import { type Connection, type Model, Schema, type Types } from 'mongoose';

/** One field an operator changed. Values are kept as short JSON text for display. */
export type FieldChange = { field: string; from: string; to: string };

/** A recorded change to a source: who, when, what. */
export type SourceChangeDoc = {
  _id: Types.ObjectId;
  sourceId: Types.ObjectId;
  at: Date;
  /** "console:<user>" or "cli". */
  by: string;
  action: 'create' | 'update' | 'enable' | 'disable' | 'fetch' | 'delete';
  changes: FieldChange[];
};

const schema = new Schema<SourceChangeDoc>(
  {
    sourceId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    action: { type: String, required: true },
    changes: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'source_changes', versionKey: false, minimize: false },
);
// A source's history, newest first; equality on sourceId is index-backed on FerretDB too.
schema.index({ sourceId: 1, at: -1 });

export function sourceChangeModel(connection: Connection): Model<SourceChangeDoc> {
  return (
    (connection.models.SourceChange as Model<SourceChangeDoc>) ??
    connection.model<SourceChangeDoc>('SourceChange', schema)
  );
}
