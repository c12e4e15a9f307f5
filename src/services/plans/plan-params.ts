export { paramsForOrg } from '../compliance/active-pack.ts';
