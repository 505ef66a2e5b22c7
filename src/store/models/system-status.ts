import { type Connection, type Model, Schema } from 'mongoose';

/**
 * Small documents about the running system, keyed by name: "workers" (the last heartbeat),
 * "search-terms" (which tokenizer built the stored entries' terms).
 */
export type SystemStatus = {
  _id: string;
  lastHeartbeatAt?: Date;
  lastHeartbeatBy?: string;
  termsVersion?: number;
  termsRefreshedAt?: Date;
};

const schema = new Schema<SystemStatus>(
  {
    _id: { type: String, required: true },
    lastHeartbeatAt: { type: Date },
    lastHeartbeatBy: { type: String },
    termsVersion: { type: Number },
    termsRefreshedAt: { type: Date },
  },
  { collection: 'system_status', versionKey: false },
);

export function systemStatusModel(connection: Connection): Model<SystemStatus> {
  return (
    (connection.models.SystemStatus as Model<SystemStatus>) ??
    connection.model<SystemStatus>('SystemStatus', schema)
  );
}
