/** `npm start`: production server (after `npm run build`); applies migrations first. */
import { serveNext } from './serveNext'

await serveNext('start', { seed: false, env: { NODE_ENV: 'production' } })
