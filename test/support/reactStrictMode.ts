// Every component test renders in <StrictMode> (React 18.3 and 19 alike): effects mount, unmount and
// mount again, so a component that leaks a subscription or a listener fails here, not in an app.
import { configure } from '@testing-library/react';

configure({ reactStrictMode: true });
