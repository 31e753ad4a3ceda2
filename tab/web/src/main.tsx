import { createRoot } from 'react-dom/client';
import { App } from './components/App/App';
import { TeamsProvider } from './teams/TeamsProvider';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <TeamsProvider>
      <App />
    </TeamsProvider>,
  );
}
