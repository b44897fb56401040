import { hello } from '@tracker/domain';
import { x } from './other.js';
console.log(hello, x);
