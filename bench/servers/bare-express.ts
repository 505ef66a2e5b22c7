// The board benchmark's baseline: Express with one route returning a short string, started
// the same way as the product's web process, so their ratio is what our code costs.
import express from 'express';

const app = express();
app.get('/hello', (_req, res) => {
  res.type('text').send('hello');
});
const port = Number(process.env.PORT ?? 0);
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`bare express listening on http://127.0.0.1:${bound}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
