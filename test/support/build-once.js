// Jest globalSetup of the e2e project: the suites run the server as users do, from the swc build.
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
