import { Navigate } from 'react-router';

/** `/` → the 工作台 (待办 and this month's calendar) for every signed-in user. */
export default function HomeRedirect() {
  return <Navigate to="/home" replace />;
}
