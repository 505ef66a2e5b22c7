import { type Connection, type Model, Schema } from 'mongoose';

/** Small documents about the running system, keyed by name (e.g. "workers"). */
export type SystemStatus = {
  _id: string;
  lastHeartbeatAt: Date;
  lastHeartbeatBy: string;
};

const schema = new Schema<SystemStatus>(
  {
    _id: { type: String, required: true },
    lastHeartbeatAt: { type: Date, required: true },
    lastHeartbeatBy: { type: String, required: true },
  },
  { collection: 'system_status', versionKey: false },
);

export function systemStatusModel(connection: Connection): Model<SystemStatus> {
  return (
    (connection.models.SystemStatus as Model<SystemStatus>) ??
    connection.model<SystemStatus>('SystemStatus', schema)
  );
}
