export { createValidator, type Validator } from './create-validator.ts';
